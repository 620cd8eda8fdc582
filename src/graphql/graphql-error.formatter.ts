import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { DomainException } from '../common/domain.exception';

const logger = new Logger('GraphQL');
const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'INSUFFICIENT_HISTORY',
  'QUERY_TOO_COMPLEX',
]);

/**
 * Clients see a code and a message meant for them; anything unexpected (SQL errors carry the query
 * and its parameters) is logged server-side and masked.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete extensions.stacktrace;
  delete extensions.exception;
  delete extensions.originalError;
  const original = (error as { originalError?: unknown })?.originalError as { response?: { message?: unknown; statusCode?: number } } | undefined;
  let code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
  let message = formatted.message;
  if (original instanceof DomainException) {
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code: original.kind, reason: original.code } };
  }

  // Nest HttpExceptions (ValidationPipe, NotFoundException...) arrive with their HTTP status.
  const status = original?.response?.statusCode;
  if (status === 400) code = 'BAD_USER_INPUT';
  if (status === 404) code = 'NOT_FOUND';
  if (status === 401) code = 'UNAUTHENTICATED';
  if (status === 403) code = 'FORBIDDEN';
  if (status === 409) code = 'CONFLICT';
  if (status && Array.isArray(original?.response?.message)) message = (original!.response!.message as string[]).join('; ');

  if (!SAFE_CODES.has(code)) {
    const requestId = Math.random().toString(36).slice(2, 10);
    logger.error(`[${requestId}] ${formatted.message}`, (error as Error)?.stack);
    return { message: `Internal server error (request id ${requestId})`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  }
  return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
}
