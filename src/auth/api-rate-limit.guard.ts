import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerException, ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { IS_PUBLIC } from './auth.decorators';
import { Principal } from './role.enum';

export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * A 429 for REST, and for GraphQL an error whose `extensions` graphql-js copies onto the GraphQLError:
 * Apollo turns `extensions.http` into the response status and header, then strips it from the body.
 * An HttpException, so Nest does not log every throttled call as an unexpected error.
 */
export class RateLimitedException extends ThrottlerException {
  readonly extensions: Record<string, unknown>;

  constructor(message: string, readonly retryAfter: number) {
    super(message);
    this.extensions = { code: RATE_LIMITED, retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } };
  }
}

type ThrottledRequest = Record<string, any> & { principal?: Principal; ip?: string };

/**
 * Requests per minute per API key (per IP when there is no principal), across REST and GraphQL.
 * Registered after ApiKeyGuard, so `req.principal` is known. GraphQL guards run once per resolver
 * (field resolvers included), so one HTTP request is counted once and every resolver shares the verdict.
 * Over the limit: HTTP 429 with Retry-After; GraphQL clients also get an error with code RATE_LIMITED.
 */
@Injectable()
export class ApiRateLimitGuard extends ThrottlerGuard {
  private readonly verdicts = new WeakMap<object, Promise<boolean>>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req } = this.getRequestResponse(context);
    if (!req || (await this.shouldSkip(context))) return true; // no HTTP caller (queue processors), or @Public
    let verdict = this.verdicts.get(req);
    if (!verdict) {
      verdict = super.canActivate(context);
      this.verdicts.set(req, verdict);
    }
    return verdict;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
  }

  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, any>; res: Record<string, any> } {
    if (context.getType<string>() === 'graphql') {
      const { req, res } = GqlExecutionContext.create(context).getContext<{ req: ThrottledRequest; res: Record<string, any> }>();
      return { req, res };
    }
    const http = context.switchToHttp();
    return { req: http.getRequest(), res: http.getResponse() };
  }

  protected override async getTracker(req: ThrottledRequest): Promise<string> {
    return req.principal ? `key:${req.principal.apiKeyId}` : `ip:${req.ip ?? 'unknown'}`;
  }

  /** One bucket per caller for the whole API (the default key is per handler). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const message = `rate limit exceeded: at most ${detail.limit} requests per minute per API key; retry in ${retryAfter} s`;
    throw new RateLimitedException(message, retryAfter);
  }
}
