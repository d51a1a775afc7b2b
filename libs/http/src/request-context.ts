import type { Request } from 'express';
import type { Principal } from './principal.js';

/** What the edge learned about a request before any controller ran. */
export interface RequestContext {
  requestId: string;
  clientIp: string;
  principal?: Principal;
}

export type AuthmeshRequest = Request & { authmesh: RequestContext };

/** The context attached to a request by the HTTP app's middleware. */
export function requestContext(request: Request): RequestContext {
  const context = (request as Partial<AuthmeshRequest>).authmesh;
  if (!context) throw new Error('request context missing: the request did not pass the authmesh middleware');
  return context;
}
