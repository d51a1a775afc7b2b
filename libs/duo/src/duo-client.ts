import { createHmac } from 'node:crypto';
import { OutboundRequestError, type OutboundClient } from '@authmesh/outbound';

export interface DuoCredentials {
  /** `api-XXXXXXXX.duosecurity.com`; the host requests go to and are signed for. */
  apiHostname: string;
  integrationKey: string;
  secretKey: string;
  /** Defaults to `https://<apiHostname>`. When given, its host (with a non-default port) is the host that is signed. */
  baseUrl?: string;
}

/** A failed Duo call. Carries Duo's error code when Duo sent one; never the secret key or the request's credentials. */
export class DuoApiError extends Error {
  /** Duo's five-digit error code (`40103`), when the answer had one. */
  readonly code: number | undefined;
  /** The HTTP status of Duo's answer, when one arrived. */
  readonly httpStatus: number | undefined;

  constructor(message: string, details: { code?: number; httpStatus?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'DuoApiError';
    this.code = details.code;
    this.httpStatus = details.httpStatus;
  }
}

export type DuoEnrollStatus = 'success' | 'waiting' | 'invalid';
export type DuoPreauthResult = 'auth' | 'allow' | 'deny' | 'enroll';

export interface DuoEnrollment {
  userId: string;
  activationBarcode: string;
  activationCode: string;
}

export interface DuoDevice {
  device: string;
  capabilities: string[];
}

export interface DuoPreauth {
  result: DuoPreauthResult;
  devices: DuoDevice[];
}

export interface DuoUser {
  userId: string;
  username: string;
}

type DuoParams = Record<string, string | string[]>;

const ENROLL_STATUSES: readonly string[] = ['success', 'waiting', 'invalid'];
const PREAUTH_RESULTS: readonly string[] = ['auth', 'allow', 'deny', 'enroll'];
/** The Admin API's largest page for `/admin/v1/users`. */
const USERS_PAGE_SIZE = 300;
/** A bound on paging, so a misbehaving server cannot keep the client looping. */
const MAX_USER_PAGES = 1_000;
const MAX_MESSAGE_LENGTH = 200;
const API_HOSTNAME = /^[a-z0-9.-]+(:\d{1,5})?$/i;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 2822 date as Duo's own clients send it: `Tue, 21 Aug 2012 17:29:18 -0000`. */
export function duoDate(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} -0000`
  );
}

/**
 * Percent-encodes UTF-8 leaving only `A-Z a-z 0-9 - _ . ~` (RFC 3986 unreserved), so spaces are `%20` and
 * `~` stays as it is. Throws a `DuoApiError` for strings that are not valid Unicode (lone surrogates).
 */
export function duoEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw new DuoApiError('a Duo request parameter is not valid Unicode');
  }
  return encoded.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Duo's canonical parameter string: encoded keys sorted, each key's encoded values sorted, `key=value` joined by `&`. */
export function canonicalParams(params: DuoParams): string {
  const pairs: string[] = [];
  const keys = Object.keys(params)
    .map((key) => ({ key, encoded: duoEncode(key) }))
    .sort((a, b) => compareCodeUnits(a.encoded, b.encoded));
  for (const { key, encoded } of keys) {
    const raw = params[key];
    const values = (Array.isArray(raw) ? raw : [raw]).map(duoEncode).sort(compareCodeUnits);
    for (const value of values) pairs.push(`${encoded}=${value}`);
  }
  return pairs.join('&');
}

/** The "v2" canonical request Duo signs: date, method, host, path and parameters, one per line. */
export function canonicalRequest(date: string, method: string, host: string, path: string, params: DuoParams): string {
  return [date, method.toUpperCase(), host.toLowerCase(), path, canonicalParams(params)].join('\n');
}

/** `Basic base64(ikey:hex(HMAC-SHA1(skey, canonical request)))`. */
export function duoAuthorization(integrationKey: string, secretKey: string, canonical: string): string {
  const signature = createHmac('sha1', secretKey).update(canonical, 'utf8').digest('hex');
  return `Basic ${Buffer.from(`${integrationKey}:${signature}`, 'utf8').toString('base64')}`;
}

/**
 * A client for Duo's Auth API v2 and Admin API v1 over the outbound client. One instance holds one
 * integration's keys: construct a second one with the Admin API integration's keys for `listUsers`.
 *
 * `pushAuth` waits for the user's answer (Duo holds a synchronous push for up to about a minute), so the
 * outbound client should have a `timeoutMs` to match; a timeout rejects with a `DuoApiError`, which callers deny on.
 */
export class DuoClient {
  readonly #outbound: OutboundClient;
  readonly #integrationKey: string;
  readonly #origin: string;
  readonly #signedHost: string;
  /** The secret key lives only in these closures, so it cannot show up when the client is logged or serialised. */
  readonly #authorization: (canonical: string) => string;
  readonly #redact: (text: string) => string;

  constructor(outbound: OutboundClient, credentials: DuoCredentials) {
    const { apiHostname, integrationKey, secretKey, baseUrl } = credentials;
    if (!integrationKey || !secretKey) throw new DuoApiError('Duo integration key and secret key are required');
    if (baseUrl === undefined && !API_HOSTNAME.test(apiHostname)) throw new DuoApiError('Duo API hostname is not a host name');
    let base: URL;
    try {
      base = new URL(baseUrl ?? `https://${apiHostname}`);
    } catch {
      throw new DuoApiError('Duo base URL is not an absolute URL');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new DuoApiError('Duo base URL must be http(s)');
    this.#outbound = outbound;
    this.#integrationKey = integrationKey;
    this.#origin = base.origin;
    this.#signedHost = base.host.toLowerCase();
    this.#authorization = (canonical) => duoAuthorization(integrationKey, secretKey, canonical);
    this.#redact = (text) => text.split(secretKey).join('[redacted]');
  }

  /** `POST /auth/v2/enroll`: creates the user and an activation code for the Duo Mobile app. */
  async enroll(username: string): Promise<DuoEnrollment> {
    const response = await this.#call('POST', '/auth/v2/enroll', { username });
    const record = expectRecord(response, 'enroll');
    return {
      userId: expectString(record.user_id, 'enroll user_id'),
      activationBarcode: expectString(record.activation_barcode, 'enroll activation_barcode'),
      activationCode: expectString(record.activation_code, 'enroll activation_code'),
    };
  }

  /** `POST /auth/v2/enroll_status`. */
  async enrollStatus(userId: string, activationCode: string): Promise<DuoEnrollStatus> {
    const response = await this.#call('POST', '/auth/v2/enroll_status', { user_id: userId, activation_code: activationCode });
    if (typeof response !== 'string' || !ENROLL_STATUSES.includes(response)) throw malformed('enroll_status');
    return response as DuoEnrollStatus;
  }

  /** `POST /auth/v2/preauth`: whether the user may, must or cannot authenticate, and with which devices. */
  async preauth(userId: string): Promise<DuoPreauth> {
    const response = await this.#call('POST', '/auth/v2/preauth', { user_id: userId });
    const record = expectRecord(response, 'preauth');
    if (typeof record.result !== 'string' || !PREAUTH_RESULTS.includes(record.result)) throw malformed('preauth result');
    const result = record.result as DuoPreauthResult;
    // Only "auth" answers carry devices; a missing list there is a malformed answer, not "no devices".
    if (record.devices === undefined && result !== 'auth') return { result, devices: [] };
    if (!Array.isArray(record.devices)) throw malformed('preauth devices');
    const devices = record.devices.map((entry: unknown) => {
      const device = expectRecord(entry, 'preauth device');
      const capabilities = device.capabilities;
      if (!Array.isArray(capabilities) || !capabilities.every((c): c is string => typeof c === 'string')) {
        throw malformed('preauth device capabilities');
      }
      return { device: expectString(device.device, 'preauth device id'), capabilities: [...capabilities] };
    });
    return { result, devices };
  }

  /** `POST /auth/v2/auth` with `factor=push`, synchronously: resolves once the user approved or denied. */
  async pushAuth(userId: string, device = 'auto'): Promise<'allow' | 'deny'> {
    const response = await this.#call('POST', '/auth/v2/auth', { user_id: userId, factor: 'push', device });
    const record = expectRecord(response, 'auth');
    if (record.result === 'allow') return 'allow';
    if (record.result === 'deny') return 'deny';
    throw malformed('auth result');
  }

  /** `GET /admin/v1/users`, every page. Needs an Admin API integration's keys. */
  async listUsers(): Promise<DuoUser[]> {
    const users: DuoUser[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_USER_PAGES; page += 1) {
      const { response, metadata } = await this.#envelope('GET', '/admin/v1/users', {
        limit: String(USERS_PAGE_SIZE),
        offset: String(offset),
      });
      if (!Array.isArray(response)) throw malformed('users');
      for (const entry of response) {
        const user = expectRecord(entry, 'user');
        users.push({ userId: expectString(user.user_id, 'user user_id'), username: expectString(user.username, 'user username') });
      }
      const next = isRecord(metadata) ? metadata.next_offset : undefined;
      if (next === undefined || next === null) return users;
      const nextOffset = typeof next === 'number' ? next : typeof next === 'string' && /^\d+$/.test(next) ? Number(next) : NaN;
      if (!Number.isSafeInteger(nextOffset) || nextOffset <= offset) throw malformed('users next_offset');
      offset = nextOffset;
    }
    throw new DuoApiError(`Duo returned more than ${MAX_USER_PAGES} pages of users`);
  }

  async #call(method: 'GET' | 'POST', path: string, params: Record<string, string>): Promise<unknown> {
    return (await this.#envelope(method, path, params)).response;
  }

  async #envelope(method: 'GET' | 'POST', path: string, params: Record<string, string>): Promise<{ response: unknown; metadata: unknown }> {
    const date = duoDate(new Date());
    const canonical = canonicalRequest(date, method, this.#signedHost, path, params);
    const encoded = canonical.slice(canonical.lastIndexOf('\n') + 1);
    const headers: Record<string, string> = {
      date,
      authorization: this.#authorization(canonical),
      accept: 'application/json',
    };
    let url = `${this.#origin}${path}`;
    let body: string | undefined;
    if (method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = encoded;
    } else if (encoded !== '') {
      url = `${url}?${encoded}`;
    }

    let answer;
    try {
      answer = await this.#outbound.request(url, { method, headers, body });
    } catch (error) {
      const reason = error instanceof OutboundRequestError ? error.reason : 'network';
      throw new DuoApiError(`Duo request ${method} ${path} failed (${reason})`, { cause: error });
    }
    const httpStatus = answer.status;
    let payload: unknown;
    try {
      payload = answer.json();
    } catch {
      throw new DuoApiError(`Duo answered ${method} ${path} with HTTP ${httpStatus} and a body that is not JSON`, { httpStatus });
    }
    if (isRecord(payload) && payload.stat === 'OK' && httpStatus === 200) {
      return { response: payload.response, metadata: payload.metadata };
    }
    if (isRecord(payload) && payload.stat === 'FAIL') {
      const code = typeof payload.code === 'number' && Number.isSafeInteger(payload.code) ? payload.code : undefined;
      const parts = [payload.message, payload.message_detail].filter((part): part is string => typeof part === 'string' && part !== '');
      const message = this.#redact(parts.join(': ')).slice(0, MAX_MESSAGE_LENGTH) || 'no message';
      throw new DuoApiError(`Duo refused ${method} ${path} (HTTP ${httpStatus}, code ${code ?? 'none'}): ${message}`, { code, httpStatus });
    }
    throw new DuoApiError(`Duo answered ${method} ${path} with HTTP ${httpStatus} and an unexpected body`, { httpStatus });
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw malformed(what);
  return value;
}

function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw malformed(what);
  return value;
}

function malformed(what: string): DuoApiError {
  return new DuoApiError(`Duo answered with a malformed ${what}`);
}
