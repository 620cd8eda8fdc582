import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, HTTP_STATUS_BY_KIND } from './domain.exception';

/** REST side of the domain-exception mapping (GraphQL errors go through formatGraphqlError). */
@Catch(DomainException)
export class DomainExceptionFilter implements ExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    response.status(HTTP_STATUS_BY_KIND[exception.kind]).json({ error: exception.kind, reason: exception.code, message: exception.message });
  }
}
