import type { LookupAddress } from 'node:dns';
import { lookup as resolveHost } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { CidrRange } from './cidr-range.js';
import { parseIpAddress } from './ip-address.js';
import { OutboundRequestError } from './outbound-request.error.js';

export interface OutboundOptions {
  /** Deadline for the whole exchange: name resolution, connect and the complete response. */
  timeoutMs?: number;
  /** Responses with a longer body fail with reason `too_large`. */
  maxResponseBytes?: number;
  /** CIDRs no request may reach; replaces `DEFAULT_DENIED_NETWORKS` when given. */
  deniedNetworks?: string[];
  /** CIDRs that may be reached even when a denied network contains them. */
  allowedNetworks?: string[];
  userAgent?: string;
}

export interface OutboundRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface OutboundResponse {
  status: number;
  /** Lower-case names; repeated headers are joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
  /** The body decoded as UTF-8. */
  text(): string;
  /** The body parsed as JSON; throws a SyntaxError when it is not JSON. */
  json(): unknown;
}

/** Ten seconds for one whole exchange. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** 5 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Loopback, link-local (cloud metadata services live there) and unspecified addresses. */
export const DEFAULT_DENIED_NETWORKS: readonly string[] = Object.freeze([
  '127.0.0.0/8',
  '::1/128',
  '169.254.0.0/16',
  'fe80::/10',
  '0.0.0.0/8',
  '::/128',
]);
const DEFAULT_USER_AGENT = 'authmesh';

/**
 * The one HTTP client for requests to the outside world (webhooks, HaveIBeenPwned, SCIM, source
 * metadata, blueprint URLs). It refuses targets in denied networks, connects only to the address
 * it checked, bounds time and response size, and never follows redirects.
 */
export class OutboundClient {
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly denied: CidrRange[];
  private readonly allowed: CidrRange[];
  private readonly userAgent: string;

  constructor(options: OutboundOptions = {}) {
    this.timeoutMs = positiveInteger(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.maxResponseBytes = positiveInteger(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes');
    this.denied = (options.deniedNetworks ?? DEFAULT_DENIED_NETWORKS).map((cidr) => CidrRange.parse(cidr));
    this.allowed = (options.allowedNetworks ?? []).map((cidr) => CidrRange.parse(cidr));
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /**
   * Sends one request and reads the whole response. A 3xx is returned as it is, not followed.
   * Rejects with an `OutboundRequestError` when no complete response arrived.
   */
  request(url: string, init: OutboundRequestInit = {}): Promise<OutboundResponse> {
    let target: URL;
    try {
      target = parseHttpUrl(url);
    } catch (error) {
      return Promise.reject(error);
    }
    const controller = new AbortController();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new OutboundRequestError('timeout', `request to ${target.hostname} took longer than ${this.timeoutMs} ms`));
        controller.abort();
      }, this.timeoutMs);
      this.send(target, init, controller.signal)
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  }

  private async send(target: URL, init: OutboundRequestInit, signal: AbortSignal): Promise<OutboundResponse> {
    const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const addresses = await this.checkedAddresses(hostname);
    // The deadline may have passed while resolving; the caller has its answer already.
    if (signal.aborted) throw new OutboundRequestError('timeout', `request to ${hostname} timed out`);
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: OutgoingHttpHeaders = { 'user-agent': this.userAgent, ...init.headers };
    if (body) headers['content-length'] = body.length;
    return exchange(target, {
      hostname,
      method: init.method ?? 'GET',
      headers,
      body,
      lookup: pinnedLookup(addresses),
      signal,
      maxResponseBytes: this.maxResponseBytes,
    });
  }

  // Every address the name has must be permitted: the system may connect to any of them.
  private async checkedAddresses(hostname: string): Promise<LookupAddress[]> {
    const literal = parseIpAddress(hostname);
    let addresses: LookupAddress[];
    if (literal) {
      addresses = [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }];
    } else {
      try {
        addresses = await resolveHost(hostname, { all: true });
      } catch (error) {
        throw new OutboundRequestError('network', `could not resolve ${hostname}`, { cause: error });
      }
    }
    if (addresses.length === 0) throw new OutboundRequestError('network', `${hostname} has no addresses`);
    const refused = addresses.find(({ address }) => !this.permits(address));
    if (refused) throw new OutboundRequestError('denied', `${hostname} resolves to ${refused.address}, which is in a denied network`);
    return addresses;
  }

  private permits(address: string): boolean {
    const ip = parseIpAddress(address);
    if (!ip) return false;
    if (this.allowed.some((range) => range.contains(ip))) return true;
    return !this.denied.some((range) => range.contains(ip));
  }
}

function parseHttpUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new OutboundRequestError('scheme', 'not an absolute URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new OutboundRequestError('scheme', `only http and https URLs may be requested, not ${target.protocol}`);
  }
  return target;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/**
 * Answers the socket's own name lookup with the addresses that were checked, so a DNS answer
 * that changes between the check and the connect (rebinding) cannot redirect the request.
 */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const candidates = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (candidates.length === 0) {
      callback(Object.assign(new Error(`no checked IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '');
    } else if (options.all) {
      callback(null, candidates);
    } else {
      callback(null, candidates[0].address, candidates[0].family);
    }
  };
}

interface Exchange {
  hostname: string;
  method: string;
  headers: OutgoingHttpHeaders;
  body: Buffer | undefined;
  lookup: LookupFunction;
  signal: AbortSignal;
  maxResponseBytes: number;
}

function exchange(target: URL, options: Exchange): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: OutboundRequestError) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(error);
    };
    const tooLarge = () =>
      new OutboundRequestError('too_large', `response from ${options.hostname} exceeds ${options.maxResponseBytes} bytes`);
    const network = (cause: unknown) => new OutboundRequestError('network', `request to ${options.hostname} failed`, { cause });

    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send({
      protocol: target.protocol,
      hostname: options.hostname,
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      auth: target.username ? `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` : undefined,
      method: options.method,
      headers: options.headers,
      lookup: options.lookup,
      signal: options.signal,
      // A fresh connection each time: a pooled socket may lead to an address this client never checked.
      agent: false,
    });

    request.on('error', (error) => fail(network(error)));
    request.on('response', (response: IncomingMessage) => {
      if (Number(response.headers['content-length']) > options.maxResponseBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxResponseBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      response.on('error', (error) => fail(network(error)));
      response.on('close', () => {
        if (!response.complete) fail(network(new Error('connection closed before the response was complete')));
      });
      response.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(toOutboundResponse(response, Buffer.concat(chunks)));
      });
    });
    request.end(options.body);
  });
}

function toOutboundResponse(response: IncomingMessage, body: Buffer): OutboundResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    status: response.statusCode ?? 0,
    headers,
    body,
    text: () => body.toString('utf8'),
    json: () => JSON.parse(body.toString('utf8')) as unknown,
  };
}
