import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestContext, type Principal } from '@authmesh/http';
import { UnauthenticatedError } from '@authmesh/runtime';

/** Who performs an action, and from where: passed from controllers to services. */
export interface Actor {
  principal: Principal;
  clientIp: string;
  requestId: string;
  host: string;
}

/** The authenticated caller as an Actor. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const context = requestContext(request);
  if (!context.principal) throw new UnauthenticatedError();
  return { principal: context.principal, clientIp: context.clientIp, requestId: context.requestId, host: request.hostname ?? '' };
});

/** Whether the actor may act on objects belonging to `userPk`. */
export function actsFor(actor: Actor, userPk: number): boolean {
  return actor.principal.user.isSuperuser || actor.principal.user.pk === String(userPk);
}
