import { createParamDecorator, Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PermissionDeniedError, UnauthenticatedError } from '@authmesh/runtime';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from './principal.js';
import { CSRF_COOKIE, CSRF_HEADER, parseCookies, secretsEqual, SESSION_COOKIE } from './cookies.js';
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every route (fail closed: a route is public only when marked so) with
 * `Authorization: Bearer <api token>` or the login session cookie, and enforces
 * RequireSuperuser. Cookie-authenticated unsafe requests must repeat the CSRF cookie in the
 * X-CSRFToken header, so another site cannot make a browser act with its cookie.
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
    const principal = await this.authenticate(request, context.clientIp);
    context.principal = principal;
    if (this.reflector.getAllAndOverride<boolean>(SUPERUSER, targets) && !principal.user.isSuperuser) {
      throw new PermissionDeniedError();
    }
    return true;
  }

  private async authenticate(request: Request, clientIp: string): Promise<Principal> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
      if (!match) throw new UnauthenticatedError();
      const principal = await this.resolver.fromBearerToken(match[1]);
      if (!principal) throw new UnauthenticatedError('Invalid or expired token.');
      return principal;
    }
    const cookies = parseCookies(request.headers.cookie);
    const sessionKey = cookies.get(SESSION_COOKIE);
    if (!sessionKey || !this.resolver.fromSessionKey) throw new UnauthenticatedError();
    if (!SAFE_METHODS.has(request.method)) {
      const expected = cookies.get(CSRF_COOKIE) ?? '';
      const given = request.headers[CSRF_HEADER];
      if (expected.length < 16 || typeof given !== 'string' || !secretsEqual(given, expected)) {
        throw new PermissionDeniedError('CSRF check failed: repeat the CSRF cookie in the X-CSRFToken header.');
      }
    }
    const principal = await this.resolver.fromSessionKey(sessionKey, { ip: clientIp, userAgent: request.headers['user-agent'] ?? '' });
    if (!principal) throw new UnauthenticatedError('Session expired or ended; log in again.');
    return principal;
  }
}
