import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService } from './api-keys.service';
import { IS_PUBLIC, requestOf, ROLES } from './auth.decorators';
import { ApiRole } from './role.enum';

/**
 * Global guard, also on GraphQL field resolvers: a valid `Authorization: Bearer <key>` unless the
 * handler is @Public, and one of the @Roles when the handler names any.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = requestOf(context);
    if (!request) return true; // e.g. queue processors: no request, no HTTP caller
    if (!request.principal) {
      const header = request.headers?.authorization;
      const value = Array.isArray(header) ? header[0] : header;
      const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
      if (!match) throw new UnauthorizedException('missing API key: send Authorization: Bearer <key>');
      const principal = await this.keys.authenticate(match[1]);
      if (!principal) throw new UnauthorizedException('invalid or revoked API key');
      request.principal = principal;
    }
    const roles = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException(`role ${request.principal.role} may not do this (needs ${roles.join(' or ')})`);
    }
    return true;
  }
}
