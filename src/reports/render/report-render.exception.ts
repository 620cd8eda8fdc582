export enum ReportRenderExceptionCode {
  INVALID_DOCUMENT = 'INVALID_DOCUMENT',
  UNSUPPORTED_FORMAT = 'UNSUPPORTED_FORMAT',
}

/**
 * Not a DomainException: a malformed ReportDocument is a bug in the code that built it (inside a job), not something a
 * client can fix, so it should fail the job with this message rather than map to a GraphQL error code.
 */
export class ReportRenderException extends Error {
  constructor(
    message: string,
    readonly code: ReportRenderExceptionCode,
  ) {
    super(message);
    this.name = ReportRenderException.name;
  }
}
