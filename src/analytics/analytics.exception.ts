import { DomainErrorKind, DomainException } from '../common/domain.exception';

export enum AnalyticsExceptionCode {
  INVALID_FILTER = 'INVALID_FILTER',
  UNKNOWN_SKILL = 'UNKNOWN_SKILL',
  UNSUPPORTED_GROUPING = 'UNSUPPORTED_GROUPING',
  POSTING_NOT_FOUND = 'POSTING_NOT_FOUND',
}

export class AnalyticsException extends DomainException {
  readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly code: AnalyticsExceptionCode,
  ) {
    super(message);
    this.kind = code === AnalyticsExceptionCode.POSTING_NOT_FOUND ? 'NOT_FOUND' : 'BAD_USER_INPUT';
  }
}
