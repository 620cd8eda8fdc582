import { DomainErrorKind, DomainException } from '../common/domain.exception';

export enum IngestionExceptionCode {
  RUN_NOT_FOUND = 'RUN_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  RUN_NOT_RETRYABLE = 'RUN_NOT_RETRYABLE',
}

const KIND_BY_CODE: Record<IngestionExceptionCode, DomainErrorKind> = {
  [IngestionExceptionCode.RUN_NOT_FOUND]: 'NOT_FOUND',
  [IngestionExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
  [IngestionExceptionCode.RUN_NOT_RETRYABLE]: 'CONFLICT',
};

export class IngestionException extends DomainException {
  readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly code: IngestionExceptionCode,
  ) {
    super(message);
    this.kind = KIND_BY_CODE[code];
  }
}
