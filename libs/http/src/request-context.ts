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

/** A host name with an optional port, as a Host header may carry it (IPv6 literals in brackets). */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The scheme and host the browser used, for links the answer hands out. Behind the gateway
 * the request arrives over plain HTTP with `X-Forwarded-Proto`/`X-Forwarded-Host` set by the
 * gateway (which drops what an untrusted client sent); the request's own values are used
 * when those are absent or malformed.
 */
export function requestOrigin(request: Request): { scheme: 'http' | 'https'; host: string } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim();
  const proto = first(request.headers['x-forwarded-proto'])?.toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? proto : request.protocol === 'https' ? 'https' : 'http';
  const host = [first(request.headers['x-forwarded-host']), request.get('host')].find((h) => h !== undefined && HOST.test(h));
  return { scheme, host: host ?? 'localhost' };
}
