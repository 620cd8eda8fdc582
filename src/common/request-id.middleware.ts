import { Injectable, NestMiddleware } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const requestIds = new AsyncLocalStorage<string>();
const CLIENT_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The current HTTP request's id, for log lines and error responses; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

/**
 * Gives every request an id (the caller's X-Request-Id when it is well-formed, else a UUID), echoes it
 * in the X-Request-Id response header and keeps it in async context so error responses and log lines
 * carry the same id. Registered as module middleware, i.e. after the body parser, whose stream
 * callbacks would otherwise drop the async context.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && CLIENT_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', id);
    requestIds.run(id, next);
  }
}
