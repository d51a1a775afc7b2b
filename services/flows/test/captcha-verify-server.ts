import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaptchaVerifyServerOptions {
  /** The one private key (secret) the stand-in accepts. */
  secret: string;
  /** Tokens a widget would have issued; each verifies once, as with the real service. */
  validTokens: string[];
  /** A reCAPTCHA v3 score (0.0–1.0) added to every successful answer; v2-style answers when absent. */
  score?: number;
}

/** One verification request as the stand-in parsed it; a field that was not sent is ''. */
export interface CaptchaVerifyRequest {
  secret: string;
  response: string;
  remoteip: string;
}

export interface CaptchaVerifyServer {
  /** The full siteverify endpoint, to be used as a captcha stage's `api_url`. */
  url: string;
  /** Every POST to the endpoint, in order. */
  requests: CaptchaVerifyRequest[];
  close(): Promise<void>;
}

const VERIFY_PATH = '/recaptcha/api/siteverify';
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A local stand-in for the reCAPTCHA siteverify API on 127.0.0.1 (hCaptcha and Turnstile speak the
 * same): `POST` with a form body of `secret`, `response` and optional `remoteip`, answered with JSON
 * `success` and `error-codes` as documented. A token is spent by its first successful verification;
 * a replay gets `timeout-or-duplicate`.
 */
export async function startCaptchaVerifyServer(options: CaptchaVerifyServerOptions): Promise<CaptchaVerifyServer> {
  if (options.score !== undefined && !(options.score >= 0 && options.score <= 1)) throw new RangeError('score must be between 0 and 1');
  const unspent = new Set(options.validTokens);
  const requests: CaptchaVerifyRequest[] = [];
  const server = createServer((req, res) => {
    handle(req, res, options, unspent, requests).catch(() => {
      if (!res.headersSent) json(res, 500, { success: false, 'error-codes': ['internal-error'] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${VERIFY_PATH}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: CaptchaVerifyServerOptions,
  unspent: Set<string>,
  requests: CaptchaVerifyRequest[],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  if (url.pathname !== VERIFY_PATH) return plain(res, 404, 'Not Found');
  if (req.method !== 'POST') return plain(res, 405, 'Method Not Allowed');
  const body = await readBody(req);
  if (body === undefined) return plain(res, 413, 'Request Entity Too Large');

  // Like the real API, parameters may come in the query string as well as the form body.
  const fields = new URLSearchParams(url.search);
  if (String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(body)) fields.set(name, value);
  }
  const request = { secret: fields.get('secret') ?? '', response: fields.get('response') ?? '', remoteip: fields.get('remoteip') ?? '' };
  requests.push(request);
  json(res, 200, verdict(request, options, unspent));
}

function verdict(request: CaptchaVerifyRequest, options: CaptchaVerifyServerOptions, unspent: Set<string>): Record<string, unknown> {
  const failure = (code: string) => ({ success: false, 'error-codes': [code] });
  if (request.secret === '') return failure('missing-input-secret');
  if (request.secret !== options.secret) return failure('invalid-input-secret');
  if (request.response === '') return failure('missing-input-response');
  if (!options.validTokens.includes(request.response)) return failure('invalid-input-response');
  if (!unspent.delete(request.response)) return failure('timeout-or-duplicate');
  const answer: Record<string, unknown> = {
    success: true,
    challenge_ts: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    hostname: 'localhost',
  };
  if (options.score !== undefined) answer.score = options.score;
  return answer;
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

function json(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, max-age=0' });
  res.end(JSON.stringify(body, null, 2));
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}
