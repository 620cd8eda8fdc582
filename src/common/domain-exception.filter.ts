import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { DomainException, HTTP_STATUS_BY_KIND } from './domain.exception';
import { currentRequestId } from './request-id.middleware';
import { safeErrorLog } from './safe-error-log';

/**
 * One global filter. REST: domain exceptions map to their status; HTTP errors (Nest's, body-parser's)
 * pass through; anything else is logged without SQL values and answered 500 with the request id.
 * GraphQL: rethrown for formatGraphqlError, which masks and logs; catching here also stops Nest's
 * default handler from logging the raw error object (with SQL parameters).
 */
@Catch()
export class DomainExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('ExceptionsHandler');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainException) {
      response.status(HTTP_STATUS_BY_KIND[exception.kind]).json({ error: exception.kind, reason: exception.code, message: exception.message });
      return;
    }
    const status = (exception as { status?: unknown; expose?: unknown })?.status;
    if (exception instanceof HttpException || (typeof status === 'number' && status >= 400 && status < 500 && (exception as { expose?: unknown }).expose)) {
      if (exception instanceof HttpException) return super.catch(exception, host);
      response.status(status as number).json({ statusCode: status, message: (exception as Error).message });
      return;
    }
    const requestId = currentRequestId() ?? 'none';
    const { message, stack } = safeErrorLog(exception);
    this.logger.error(`[${requestId}] ${message}`, stack);
    if (!response.headersSent) response.status(500).json({ statusCode: 500, message: `Internal server error (request id ${requestId})`, requestId });
  }
}
