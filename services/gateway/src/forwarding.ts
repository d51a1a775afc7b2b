import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER, type TrustedProxies } from '@authmesh/runtime';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const FORWARDED_HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;
const AUTHMESH_PREFIX = 'x-authmesh-';
/** Forwarding headers only a trusted proxy may send; from anyone else they are dropped. */
const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

/** What the gateway decided about one request before handing it on. */
export interface ForwardedRequest {
  requestId: string;
  clientIp: string;
  /** Whether the peer is a configured trusted proxy. */
  trustedPeer: boolean;
}

export interface ForwardingOptions {
  /**
   * True in a service process that sits behind a gateway: a trusted peer (the gateway)
   * has already resolved the client IP into `x-authmesh-client-ip`, which is kept.
   */
  behindGateway?: boolean;
}

/**
 * Rewrites the headers of an incoming request before any service sees it: every
 * `x-authmesh-*` header is removed (clients must not inject identity), X-Forwarded-* and
 * the request id are believed only from trusted proxies, and the resolved client IP,
 * request id and forwarding headers are set for the upstream. Both `headers` and
 * `rawHeaders` are rewritten so no handler can read a spoofed value.
 */
export function prepareForwarding(request: IncomingMessage, proxies: TrustedProxies, options: ForwardingOptions = {}): ForwardedRequest {
  const headers = request.headers;
  const peer = request.socket.remoteAddress ?? '';
  const trustedPeer = proxies.trusts(peer);

  const fromGateway = single(headers[CLIENT_IP_HEADER]);
  const clientIp =
    options.behindGateway && trustedPeer && fromGateway && isIP(fromGateway) !== 0
      ? fromGateway
      : proxies.clientIp(peer, headers['x-forwarded-for']);

  const incomingId = single(headers[REQUEST_ID_HEADER]);
  const requestId = trustedPeer && incomingId && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();

  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const claimedProto = trustedPeer ? single(headers['x-forwarded-proto'])?.split(',')[0].trim().toLowerCase() : undefined;
  const proto = claimedProto === 'https' || claimedProto === 'http' ? claimedProto : encrypted ? 'https' : 'http';
  const claimedHost = trustedPeer ? single(headers['x-forwarded-host'])?.split(',')[0].trim() : undefined;
  const ownHost = single(headers.host);
  const host = [claimedHost, ownHost].find((candidate) => candidate !== undefined && FORWARDED_HOST.test(candidate));

  const managed = (name: string) =>
    name.startsWith(AUTHMESH_PREFIX) || name === REQUEST_ID_HEADER || (!trustedPeer && PROXY_HEADERS.includes(name));
  for (const name of Object.keys(headers)) {
    // Header names are data here: every managed header must go, whatever it is called.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    if (managed(name)) delete headers[name];
  }
  const set: Record<string, string> = {
    [CLIENT_IP_HEADER]: clientIp,
    [REQUEST_ID_HEADER]: requestId,
    'x-forwarded-for': clientIp,
    'x-forwarded-proto': proto,
  };
  if (host) set['x-forwarded-host'] = host;
  Object.assign(headers, set);
  request.rawHeaders = rewriteRawHeaders(request.rawHeaders, (name) => managed(name) || name in set, set);
  return { requestId, clientIp, trustedPeer };
}

/** Drops the raw header pairs `drop` selects and appends `set` in their place. */
function rewriteRawHeaders(raw: readonly string[], drop: (lowerName: string) => boolean, set: Record<string, string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!drop(raw[i].toLowerCase())) kept.push(raw[i], raw[i + 1]);
  }
  for (const [name, value] of Object.entries(set)) kept.push(name, value);
  return kept;
}

/** A header's value when it was sent once; repeated headers are treated as absent. */
function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
