import { DomainErrorKind, DomainException } from '../common/domain.exception';

export class InsufficientHistoryException extends DomainException {
  readonly kind: DomainErrorKind = 'INSUFFICIENT_HISTORY';
  readonly code = 'INSUFFICIENT_HISTORY';
}

export class NoForecastModelException extends DomainException {
  readonly kind: DomainErrorKind = 'NOT_FOUND';
  readonly code = 'NO_FORECAST_MODEL';
}

export class ForecastHorizonException extends DomainException {
  readonly kind: DomainErrorKind = 'BAD_USER_INPUT';
  readonly code = 'HORIZON_TOO_LONG';
}
