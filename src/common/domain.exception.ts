/** Client-facing error categories; one global mapping turns them into GraphQL codes and HTTP statuses. */
export type DomainErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INSUFFICIENT_HISTORY';

export const HTTP_STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INSUFFICIENT_HISTORY: 422,
};

export abstract class DomainException extends Error {
  abstract readonly kind: DomainErrorKind;
  /** Domain-specific reason, e.g. RUN_NOT_FOUND; returned as extensions.reason. */
  abstract readonly code: string;
}
