import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsProviderStandinOptions {
  /** The one account the Twilio endpoint knows. */
  accountSid: string;
  authToken: string;
  /** The token the generic endpoint wants as `Authorization: Bearer`. */
  genericBearer?: string;
  /** Credentials the generic endpoint accepts as HTTP basic auth. */
  genericBasic?: { username: string; password: string };
}

/** One message a provider accepted. */
export interface SmsStandinMessage {
  provider: 'twilio' | 'generic';
  to: string;
  from: string;
  body: string;
}

export interface SmsProviderStandin {
  /** The server's origin. */
  url: string;
  /** To be used as `twilio_base_url`. */
  twilioBaseUrl: string;
  /** To be used as a generic provider's URL (`account_sid`). */
  genericUrl: string;
  /**
   * A gateway with its own body shape (`{"recipient", "message", "sender"}`), as a generic
   * provider reaches it through a webhook mapping.
   */
  customUrl: string;
  /** Every accepted message, in order. */
  messages: SmsStandinMessage[];
  /** Every request that reached the server, accepted or not. */
  requestCount(): number;
  close(): Promise<void>;
}

const API_VERSION = '2010-04-01';
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const GENERIC_PATH = '/generic';
const CUSTOM_PATH = '/custom';
const MAX_BODY_BYTES = 64 * 1024;
const E164 = /^\+[1-9]\d{6,14}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

/**
 * A local stand-in on 127.0.0.1 for Twilio's Messages API (`POST /2010-04-01/Accounts/{Sid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, basic auth `AccountSid:AuthToken`, Twilio's JSON error bodies and
 * message resource) and for a generic JSON SMS gateway at `/generic`.
 */
export async function startSmsProviderStandin(options: SmsProviderStandinOptions): Promise<SmsProviderStandin> {
  const messages: SmsStandinMessage[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    handle(req, res, options, messages).catch(() => {
      if (!res.headersSent) twilioError(res, 500, 20500, 'An internal server error has occurred');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    twilioBaseUrl: url,
    genericUrl: `${url}${GENERIC_PATH}`,
    customUrl: `${url}${CUSTOM_PATH}`,
    messages,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: SmsProviderStandinOptions, messages: SmsStandinMessage[]) {
  const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
  const body = await readBody(req);
  if (body === undefined) return twilioError(res, 413, 20001, 'Request entity too large');
  if (path === GENERIC_PATH || path === CUSTOM_PATH) return handleGeneric(req, res, body, options, messages);
  const match = MESSAGES_PATH.exec(path);
  if (!match) return twilioError(res, 404, 20404, `The requested resource ${path} was not found`);
  // Twilio authenticates before anything else, and the URL's account must be the one authenticated.
  const credentials = basicCredentials(req.headers.authorization);
  const authenticated =
    credentials !== undefined &&
    secretEquals(credentials.username, options.accountSid) &&
    secretEquals(credentials.password, options.authToken) &&
    secretEquals(decodeURIComponent(match[1]), options.accountSid);
  if (!authenticated) {
    res.setHeader('www-authenticate', 'Basic realm="Twilio API"');
    return twilioError(res, 401, 20003, 'Authenticate');
  }
  if (req.method !== 'POST') return twilioError(res, 405, 20004, 'Method not allowed');
  // Twilio reads only form parameters; a JSON body carries none.
  const form = isForm(req) ? new URLSearchParams(body) : new URLSearchParams();
  const to = form.get('To') ?? '';
  const from = form.get('From') ?? '';
  const text = form.get('Body') ?? '';
  if (to === '') return twilioError(res, 400, 21604, "A 'To' phone number is required.");
  if (!E164.test(to)) return twilioError(res, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
  if (from === '') return twilioError(res, 400, 21603, "A 'From' phone number is required.");
  if (!E164.test(from) && !ALPHANUMERIC_SENDER.test(from)) return twilioError(res, 400, 21212, `Invalid From Number (caller ID): ${from}`);
  if (text === '') return twilioError(res, 400, 21602, 'Message body is required.');
  if (text.length > 1600) return twilioError(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
  messages.push({ provider: 'twilio', to, from, body: text });
  json(res, 201, messageResource(options.accountSid, to, from, text));
}

function handleGeneric(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  options: SmsProviderStandinOptions,
  messages: SmsStandinMessage[],
) {
  if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
  if (!genericAuthorized(req.headers.authorization, options)) return json(res, 401, { error: 'unauthorized' });
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return json(res, 400, { error: 'body is not JSON' });
  }
  const fields = (payload ?? {}) as Record<string, unknown>;
  const custom = new URL(req.url ?? '/', 'http://stand-in').pathname === CUSTOM_PATH;
  const [from, to, text] = custom ? [fields.sender, fields.recipient, fields.message] : [fields.From, fields.To, fields.Body];
  if (typeof from !== 'string' || typeof to !== 'string' || typeof text !== 'string')
    return json(res, 400, { error: custom ? 'sender, recipient and message are required' : 'From, To and Body are required' });
  messages.push({ provider: 'generic', to, from, body: text });
  json(res, 200, { status: 'sent' });
}

function genericAuthorized(header: string | undefined, options: SmsProviderStandinOptions): boolean {
  if (options.genericBearer !== undefined && header?.startsWith('Bearer ')) {
    return secretEquals(header.slice('Bearer '.length), options.genericBearer);
  }
  const credentials = basicCredentials(header);
  if (options.genericBasic === undefined || credentials === undefined) return false;
  return (
    secretEquals(credentials.username, options.genericBasic.username) && secretEquals(credentials.password, options.genericBasic.password)
  );
}

function messageResource(accountSid: string, to: string, from: string, body: string): Record<string, unknown> {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const now = new Date().toUTCString().replace('GMT', '+0000');
  const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}`;
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(Math.max(1, Math.ceil(body.length / 160))),
    price: null,
    price_unit: 'USD',
    sid,
    status: 'queued',
    subresource_uris: { media: `${uri}/Media.json` },
    to,
    uri: `${uri}.json`,
  };
}

function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// Digests first, so strings of different lengths compare in constant time too (SECURITY.md rule 13).
function secretEquals(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function isForm(req: IncomingMessage): boolean {
  return String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded');
}

/** The body as text, or undefined when it is larger than the stand-in accepts. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function json(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
