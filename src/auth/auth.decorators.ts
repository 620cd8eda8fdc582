import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiRole, Principal } from './role.enum';

export const IS_PUBLIC = 'hirescope:isPublic';
export const ROLES = 'hirescope:roles';

/** No API key needed. Kept to an explicit, tested list (health, the IDE). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Roles allowed; without it any authenticated key may call (market data). */
export const Roles = (...roles: ApiRole[]) => SetMetadata(ROLES, roles);

export function requestOf(context: ExecutionContext): { headers: Record<string, string | string[] | undefined>; principal?: Principal } {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => requestOf(context).principal!);
