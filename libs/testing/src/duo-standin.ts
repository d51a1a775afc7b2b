import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DuoStandinOptions {
  /** The Auth API integration's keys. */
  integrationKey: string;
  secretKey: string;
  /** The Admin API integration's keys; without them every Admin API request is refused. */
  adminIntegrationKey?: string;
  adminSecretKey?: string;
}

export interface DuoStandinUser {
  username: string;
  activated: boolean;
  pushAnswer: 'allow' | 'deny';
}

export interface DuoStandinRequest {
  method: string;
  path: string;
  /** Parameters as the server decoded them (the last value of a repeated key). */
  params: Record<string, string>;
}

export interface DuoStandin {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl`. */
  baseUrl: string;
  /** `127.0.0.1:<port>`: the client's `apiHostname`, the host that requests are signed for. */
  hostname: string;
  /** By user id (`DU…`). Tests may add users directly. */
  users: Map<string, DuoStandinUser>;
  /** A user an administrator created in Duo (not through the Auth API), activated unless told otherwise; answers its id. */
  addUser(username: string, options?: { activated?: boolean }): string;
  /** The user scanned the QR code: the enrollment succeeds and the user gets a push-capable phone. */
  activate(userId: string): void;
  /** How the user answers the next pushes. */
  setPushAnswer(userId: string, answer: 'allow' | 'deny'): void;
  /** Every request that reached the server, signed correctly or not. */
  requests: DuoStandinRequest[];
  close(): Promise<void>;
}

interface Enrollment {
  activationCode: string;
  expiresAt: number;
}

interface State {
  options: DuoStandinOptions;
  users: Map<string, DuoStandinUser>;
  enrollments: Map<string, Enrollment>;
  devices: Map<string, string>;
  requests: DuoStandinRequest[];
}

type Params = Map<string, string[]>;
type Integration = 'auth' | 'admin';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const DEFAULT_ENROLL_VALID_SECS = 86_400;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PUSH_CAPABILITIES = ['auto', 'push', 'sms', 'phone', 'mobile_otp'];

/**
 * A local stand-in on 127.0.0.1 for Duo's Auth API v2 (`/auth/v2/ping`, `check`, `enroll`, `enroll_status`,
 * `preauth`, synchronous push `auth`) and Admin API v1 (`GET /admin/v1/users`). It verifies Duo's HMAC-SHA1
 * "v2" request signature over the Host header it received, refuses a Date more than five minutes off, keeps
 * Auth API and Admin API keys apart, and answers with Duo's envelopes, error codes and response shapes.
 * Its signature check is written independently of the client's.
 */
export async function startDuoStandin(options: DuoStandinOptions): Promise<DuoStandin> {
  const state: State = { options, users: new Map(), enrollments: new Map(), devices: new Map(), requests: [] };
  const server = createServer((req, res) => {
    handle(req, res, state).catch(() => {
      if (!res.headersSent) fail(res, 500, 50000, 'Internal server error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostname = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const known = (userId: string) => {
    const user = state.users.get(userId);
    if (!user) throw new Error(`the Duo stand-in has no user ${userId}`);
    return user;
  };
  return {
    baseUrl: `http://${hostname}`,
    hostname,
    users: state.users,
    addUser: (username, { activated = true } = {}) => {
      if ([...state.users.values()].some((user) => user.username === username)) throw new Error(`the Duo stand-in has a user ${username}`);
      const userId = randomId('DU');
      state.users.set(userId, { username, activated, pushAnswer: 'allow' });
      return userId;
    },
    activate: (userId) => {
      known(userId).activated = true;
    },
    setPushAnswer: (userId, answer) => {
      known(userId).pushAnswer = answer;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const body = await readBody(req);
  if (body === undefined) return fail(res, 413, 41300, 'Request entity too large');
  // Duo reads query parameters on GET and DELETE, form parameters on POST and PUT.
  const paramSource =
    method === 'GET' || method === 'DELETE' ? (queryStart === -1 ? '' : rawUrl.slice(queryStart + 1)) : isForm(req) ? body : '';
  const params = parseParams(paramSource);
  state.requests.push({ method, path, params: Object.fromEntries([...params].map(([key, values]) => [key, values[values.length - 1]])) });

  if (path === '/auth/v2/ping') {
    if (method !== 'GET') return fail(res, 405, 40501, 'Method not allowed');
    return ok(res, { time: Math.floor(Date.now() / 1000) });
  }

  const integration = authenticate(req, method, path, params, state.options);
  if (typeof integration !== 'string') return fail(res, 401, integration.code, integration.message);

  const route = ROUTES[path];
  if (!route) return fail(res, 404, 40401, 'Resource not found');
  if (route.method !== method) return fail(res, 405, 40501, 'Method not allowed');
  if (route.integration !== integration) return fail(res, 403, 40301, 'Access forbidden');
  route.handler({ req, res, params, state, host: (req.headers.host ?? '').toLowerCase() });
}

interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  params: Params;
  state: State;
  host: string;
}

const ROUTES: Record<string, { method: string; integration: Integration; handler: (context: Context) => void }> = {
  '/auth/v2/check': { method: 'GET', integration: 'auth', handler: ({ res }) => ok(res, { time: Math.floor(Date.now() / 1000) }) },
  '/auth/v2/enroll': { method: 'POST', integration: 'auth', handler: enroll },
  '/auth/v2/enroll_status': { method: 'POST', integration: 'auth', handler: enrollStatus },
  '/auth/v2/preauth': { method: 'POST', integration: 'auth', handler: preauth },
  '/auth/v2/auth': { method: 'POST', integration: 'auth', handler: auth },
  '/admin/v1/users': { method: 'GET', integration: 'admin', handler: listUsers },
};

function enroll({ res, params, state, host }: Context) {
  const requested = single(params, 'username');
  const validSecsText = single(params, 'valid_secs');
  const validSecs = validSecsText === undefined ? DEFAULT_ENROLL_VALID_SECS : Number(validSecsText);
  if (validSecsText !== undefined && (!/^\d+$/.test(validSecsText) || validSecs <= 0)) return invalidParameter(res, 'valid_secs');
  if (requested === '') return invalidParameter(res, 'username');
  if (requested !== undefined && [...state.users.values()].some((user) => user.username === requested)) {
    return invalidParameter(res, 'username');
  }
  const username = requested ?? `user-${randomBytes(6).toString('hex')}`;
  const userId = randomId('DU');
  const activationCode = `duo://${randomToken(20)}-${Buffer.from(host).toString('base64').replace(/=+$/, '')}`;
  const expiration = Math.floor(Date.now() / 1000) + validSecs;
  state.users.set(userId, { username, activated: false, pushAnswer: 'allow' });
  state.enrollments.set(userId, { activationCode, expiresAt: expiration * 1000 });
  ok(res, {
    activation_barcode: `https://${host}/frame/qr?value=${encodeURIComponent(activationCode)}`,
    activation_code: activationCode,
    expiration,
    user_id: userId,
    username,
  });
}

function enrollStatus({ res, params, state }: Context) {
  const userId = single(params, 'user_id');
  const activationCode = single(params, 'activation_code');
  if (!userId) return invalidParameter(res, 'user_id');
  if (!activationCode) return invalidParameter(res, 'activation_code');
  const enrollment = state.enrollments.get(userId);
  const user = state.users.get(userId);
  if (!enrollment || !user || !secretEquals(activationCode, enrollment.activationCode)) return ok(res, 'invalid');
  if (user.activated) return ok(res, 'success');
  if (Date.now() > enrollment.expiresAt) return ok(res, 'invalid');
  ok(res, 'waiting');
}

function preauth({ res, params, state, host }: Context) {
  const found = findUser(params, state);
  if (found === 'invalid') return invalidParameter(res, 'user_id');
  if (!found || !found.user.activated) {
    return ok(res, {
      enroll_portal_url: `https://${host}/portal?code=${randomBytes(8).toString('hex')}&akey=${randomId('DA')}`,
      result: 'enroll',
      status_msg: 'Enroll an authentication device to proceed',
    });
  }
  ok(res, { devices: [phone(state, found.userId)], result: 'auth', status_msg: 'Account is active' });
}

function auth({ res, params, state }: Context) {
  const found = findUser(params, state);
  if (found === 'invalid' || !found) return invalidParameter(res, 'user_id');
  const factor = single(params, 'factor');
  if (factor !== 'push') return invalidParameter(res, 'factor');
  if (single(params, 'async') === '1') return invalidParameter(res, 'async');
  const device = single(params, 'device');
  if (!device) return invalidParameter(res, 'device');
  if (!found.user.activated) return invalidParameter(res, 'device');
  const deviceId = deviceOf(state, found.userId);
  if (device !== 'auto' && device !== deviceId) return invalidParameter(res, 'device');
  if (found.user.pushAnswer === 'allow') return ok(res, { result: 'allow', status: 'allow', status_msg: 'Success. Logging you in...' });
  ok(res, { result: 'deny', status: 'deny', status_msg: 'Login request denied.' });
}

function listUsers({ res, params, state }: Context) {
  const limitText = single(params, 'limit') ?? '100';
  const offsetText = single(params, 'offset') ?? '0';
  if (!/^\d+$/.test(limitText) || Number(limitText) < 1) return invalidParameter(res, 'limit');
  if (!/^\d+$/.test(offsetText)) return invalidParameter(res, 'offset');
  const limit = Math.min(Number(limitText), 300);
  const offset = Number(offsetText);
  const username = single(params, 'username');
  const all = [...state.users].filter(([, user]) => username === undefined || user.username === username);
  const page = all.slice(offset, offset + limit).map(([userId, user]) => ({
    alias1: null,
    alias2: null,
    alias3: null,
    alias4: null,
    aliases: {},
    created: 1_700_000_000,
    email: '',
    firstname: '',
    groups: [],
    is_enrolled: user.activated,
    last_directory_sync: null,
    last_login: null,
    lastname: '',
    notes: '',
    phones: user.activated ? [{ ...phone(state, userId), phone_id: deviceOf(state, userId) }] : [],
    realname: '',
    status: 'active',
    tokens: [],
    u2ftokens: [],
    user_id: userId,
    username: user.username,
    webauthncredentials: [],
  }));
  const metadata: Record<string, number> = { total_objects: all.length };
  if (offset + limit < all.length) metadata.next_offset = offset + limit;
  if (offset > 0) metadata.prev_offset = Math.max(0, offset - limit);
  json(res, 200, { stat: 'OK', response: page, metadata });
}

/** Checks the Date header and Duo's v2 signature; answers which integration signed, or why the request is refused. */
function authenticate(
  req: IncomingMessage,
  method: string,
  path: string,
  params: Params,
  options: DuoStandinOptions,
): Integration | { code: number; message: string } {
  const missing = { code: 40101, message: 'Missing request credentials' };
  const header = req.headers.authorization;
  const date = req.headers.date;
  if (!header || !date) return missing;
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header);
  if (!match) return missing;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return missing;
  const ikey = decoded.slice(0, colon);
  const signature = decoded.slice(colon + 1);

  let integration: Integration;
  let skey: string;
  if (secretEquals(ikey, options.integrationKey)) {
    integration = 'auth';
    skey = options.secretKey;
  } else if (options.adminIntegrationKey && options.adminSecretKey && secretEquals(ikey, options.adminIntegrationKey)) {
    integration = 'admin';
    skey = options.adminSecretKey;
  } else {
    return { code: 40102, message: 'Invalid integration key in request credentials' };
  }

  const canonical = [date, method, (req.headers.host ?? '').toLowerCase(), path, canonicalize(params)].join('\n');
  const expected = createHmac('sha1', skey).update(canonical, 'utf8').digest('hex');
  if (!secretEquals(signature, expected)) return { code: 40103, message: 'Invalid signature in request credentials' };

  const sent = Date.parse(date);
  if (Number.isNaN(sent) || Math.abs(Date.now() - sent) > MAX_CLOCK_SKEW_MS) {
    return { code: 40105, message: 'Request date was too far in the past' };
  }
  return integration;
}

/** Canonical parameters the way Duo's server rebuilds them from what it decoded. */
function canonicalize(params: Params): string {
  const quote = (value: string) =>
    [...Buffer.from(value, 'utf8')]
      .map((byte) => {
        const char = String.fromCharCode(byte);
        return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      })
      .join('');
  const entries = [...params].map(([key, values]) => [quote(key), values.map(quote).sort()] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.flatMap(([key, values]) => values.map((value) => `${key}=${value}`)).join('&');
}

function parseParams(source: string): Params {
  const params: Params = new Map();
  for (const [key, value] of new URLSearchParams(source)) {
    const values = params.get(key) ?? [];
    values.push(value);
    params.set(key, values);
  }
  return params;
}

function single(params: Params, name: string): string | undefined {
  return params.get(name)?.[0];
}

function findUser(params: Params, state: State): { userId: string; user: DuoStandinUser } | 'invalid' | undefined {
  const userId = single(params, 'user_id');
  const username = single(params, 'username');
  if ((userId === undefined) === (username === undefined)) return 'invalid';
  if (userId !== undefined) {
    const user = state.users.get(userId);
    return user ? { userId, user } : 'invalid';
  }
  for (const [id, user] of state.users) if (user.username === username) return { userId: id, user };
  return undefined;
}

function deviceOf(state: State, userId: string): string {
  let device = state.devices.get(userId);
  if (!device) {
    device = randomId('DP');
    state.devices.set(userId, device);
  }
  return device;
}

function phone(state: State, userId: string) {
  return {
    capabilities: PUSH_CAPABILITIES,
    device: deviceOf(state, userId),
    display_name: 'iOS (XXX-XXX-0100)',
    name: '',
    number: 'XXX-XXX-0100',
    type: 'phone',
  };
}

function randomId(prefix: string): string {
  let id = prefix;
  while (id.length < 20) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

function randomToken(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

/** Constant time, whatever the lengths. */
function secretEquals(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function ok(res: ServerResponse, response: unknown) {
  json(res, 200, { stat: 'OK', response });
}

function invalidParameter(res: ServerResponse, name: string) {
  json(res, 400, { stat: 'FAIL', code: 40002, message: 'Invalid request parameters', message_detail: name });
}

function fail(res: ServerResponse, status: number, code: number, message: string) {
  json(res, status, { stat: 'FAIL', code, message });
}

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
