import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { RATE_LIMITED, RateLimitedException } from '../auth/api-rate-limit.guard';
import { DomainException } from '../common/domain.exception';
import { currentRequestId } from '../common/request-id.middleware';
import { safeErrorLog } from '../common/safe-error-log';

const logger = new Logger('GraphQL');
const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** pg-pool's error when no connection frees up in time: load, not a fault in the request. */
const POOL_EXHAUSTED = 'timeout exceeded when trying to connect';
const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'INSUFFICIENT_HISTORY',
  'QUERY_TOO_COMPLEX',
  RATE_LIMITED,
]);

/**
 * Clients see a code and a message meant for them; anything unexpected (SQL errors carry the query
 * and its parameters) is logged server-side and masked. Every error carries the request id (also in
 * the X-Request-Id header), which the server log line repeats.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete extensions.stacktrace;
  delete extensions.exception;
  delete extensions.originalError;
  const original = (error as { originalError?: unknown })?.originalError as { response?: { message?: unknown; statusCode?: number } } | undefined;
  let code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
  let message = formatted.message;
  const requestId = currentRequestId() ?? randomUUID();
  if (original instanceof DomainException) {
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code: original.kind, reason: original.code, requestId } };
  }
  const cause: unknown = original;
  if (cause instanceof RateLimitedException) {
    return { message: cause.message, path: formatted.path, extensions: { code: RATE_LIMITED, retryAfter: cause.retryAfter, requestId } };
  }
  if (cause instanceof Error && cause.message === POOL_EXHAUSTED) {
    logger.warn(`[${requestId}] database pool exhausted: every connection stayed busy past the acquire timeout`);
    return {
      message: 'the database is busy (every connection is in use); retry shortly',
      path: formatted.path,
      extensions: { code: SERVICE_UNAVAILABLE, requestId },
    };
  }

  // Nest HttpExceptions (ValidationPipe, NotFoundException...) arrive with their HTTP status.
  const status = original?.response?.statusCode;
  if (status === 400) code = 'BAD_USER_INPUT';
  if (status === 404) code = 'NOT_FOUND';
  if (status === 401) code = 'UNAUTHENTICATED';
  if (status === 403) code = 'FORBIDDEN';
  if (status === 409) code = 'CONFLICT';
  // Request errors from graphql-js or Apollo without a code ("Too many errors processing variables",
  // "provided sha does not match query") are the caller's: no resolver path, no thrown cause.
  if (code === 'INTERNAL_SERVER_ERROR' && !formatted.path && !original) code = 'BAD_REQUEST';
  if (status && Array.isArray(original?.response?.message)) message = (original!.response!.message as string[]).join('; ');

  if (!SAFE_CODES.has(code)) {
    const logged = safeErrorLog(original ?? error);
    logger.error(`[${requestId}] ${logged.message}`, logged.stack);
    return { message: `Internal server error (request id ${requestId})`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  }
  return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code, requestId } };
}
