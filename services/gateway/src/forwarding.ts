import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER, type TrustedProxies } from '@authmesh/runtime';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Rewrites the headers of an incoming request before any service sees it: identity
 * headers only the gateway may set are removed, X-Forwarded-* are believed only from
 * trusted proxies, and the resolved client IP and a request id are attached.
 * Returns the request id.
 */
export function prepareForwarding(request: IncomingMessage, proxies: TrustedProxies, options: { behindGateway?: boolean } = {}): string {
  const headers = request.headers;
  const peer = request.socket.remoteAddress ?? '';
  const trusted = proxies.trusts(peer);
  const fromGateway = headers[CLIENT_IP_HEADER];
  // A service process behind a gateway keeps the client IP the (trusted) gateway resolved.
  const clientIp =
    options.behindGateway && trusted && typeof fromGateway === 'string' && fromGateway
      ? fromGateway
      : proxies.clientIp(peer, headers['x-forwarded-for']);
  for (const name of Object.keys(headers)) {
    // Header names are dynamic by nature here: every x-authmesh-* header must go.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    if (name.startsWith('x-authmesh-')) delete headers[name];
  }
  const incomingId = headers[REQUEST_ID_HEADER];
  const requestId = trusted && typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  headers[REQUEST_ID_HEADER] = requestId;
  headers[CLIENT_IP_HEADER] = clientIp;
  if (!trusted) {
    delete headers['x-forwarded-proto'];
    delete headers['x-forwarded-host'];
  }
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  headers['x-forwarded-proto'] ??= encrypted ? 'https' : 'http';
  if (headers.host) headers['x-forwarded-host'] ??= headers.host;
  headers['x-forwarded-for'] = clientIp;
  return requestId;
}
