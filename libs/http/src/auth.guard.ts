import { createParamDecorator, Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PermissionDeniedError, UnauthenticatedError } from '@authmesh/runtime';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from './principal.js';
import { requestContext } from './request-context.js';

const PUBLIC = 'authmesh:public';
const SUPERUSER = 'authmesh:superuser';

/** Marks a route as reachable without credentials. */
export const Public = () => SetMetadata(PUBLIC, true);

/** Restricts a route to members of a superuser group. */
export const RequireSuperuser = () => SetMetadata(SUPERUSER, true);

/** Injects the authenticated principal into a controller method. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = requestContext(ctx.switchToHttp().getRequest<Request>()).principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
});

/**
 * Authenticates every route (fail closed: a route is public only when marked so) with
 * `Authorization: Bearer <api token>`, and enforces RequireSuperuser.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest<Request>();
    const context = requestContext(request);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
    if (!match) throw new UnauthenticatedError();
    const principal = await this.resolver.fromBearerToken(match[1]);
    if (!principal) throw new UnauthenticatedError('Invalid or expired token.');
    context.principal = principal;
    if (this.reflector.getAllAndOverride<boolean>(SUPERUSER, targets) && !principal.user.isSuperuser) {
      throw new PermissionDeniedError();
    }
    return true;
  }
}
