import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@authmesh/logger';
import { OutboundClient } from '@authmesh/outbound';
import type { FlowDefinition__Output, FlowStageBinding__Output } from '@authmesh/rpc';
import { startCaptchaVerifyServer, type CaptchaVerifyServer } from '../../../test/captcha-verify-server.js';
import type { StageContext } from '../stage-runtime.js';
import type { StageServices } from '../stage-services.js';
import { captchaStage, MAX_CAPTCHA_TOKEN_LENGTH } from './captcha.stage.js';

const SECRET = '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe';
const TOKEN = '03AFcWeA6-human-widget-token';
const CLIENT_IP = '203.0.113.7';
const PLAN = { pending_user: '42', pending_user_identifier: 'alice', redirect: '/if/user/' };

const loopbackClient = () => new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], timeoutMs: 2_000 });

interface FakeLogger {
  logger: Logger;
  /** Every argument of every log call, serialised, to check nothing secret was written. */
  written(): string;
  warn: jest.Mock;
}

function fakeLogger(): FakeLogger {
  const calls: unknown[][] = [];
  const record = (...args: unknown[]) => void calls.push(args);
  const warn = jest.fn(record);
  const logger = {
    trace: jest.fn(record),
    debug: jest.fn(record),
    info: jest.fn(record),
    warn,
    error: jest.fn(record),
    fatal: jest.fn(record),
  };
  // Only the level methods are used by the stage; a full pino instance would add nothing.
  return { logger: logger as unknown as Logger, written: () => JSON.stringify(calls), warn };
}

/** A StageContext for the captcha stage: real settings and request, fakes only where the stage must not reach. */
function stageContext(settings: Record<string, unknown>, log = fakeLogger()) {
  const setCookie = jest.fn();
  const rotateFlowCookie = jest.fn();
  const ctx: StageContext = {
    flow: { pk: 'f1', slug: 'default-authentication-flow', name: 'Welcome', title: 'Welcome' } as unknown as FlowDefinition__Output,
    binding: { pk: 'b1', order: 10, stage: { pk: 's1', name: 'default-captcha', type: 'captcha' } } as unknown as FlowStageBinding__Output,
    settings,
    plan: structuredClone(PLAN),
    request: {
      clientIp: CLIENT_IP,
      userAgent: 'jest',
      host: 'auth.example.com',
      secure: true,
      query: new URLSearchParams(),
      sessionKey: null,
      cookies: new Map(),
      interactive: true,
    },
    sessionUser: null,
    attempts: 0,
    // The captcha stage only logs; any other service use would fail the test with a TypeError.
    services: { logger: log.logger } as unknown as StageServices,
    response: {
      setCookie,
      rotateFlowCookie,
      issueFlowToken: jest.fn(async () => 'unused'),
      startFlow: jest.fn(async () => ({ planned: false, message: 'unused' })),
    },
  };
  return { ctx, log, setCookie, rotateFlowCookie };
}

const settingsFor = (apiUrl: string, privateKey = SECRET) => ({
  public_key: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
  private_key: privateKey,
  js_url: 'https://www.recaptcha.net/recaptcha/api.js',
  api_url: apiUrl,
});

type Built = ReturnType<typeof stageContext>;

/** The stage refused, said so on the token field, and left the plan, cookies and logs clean. */
function expectFailedClosed(result: unknown, built: Built, token = TOKEN) {
  expect(result).toEqual({ kind: 'invalid', errors: { token: [expect.any(String)] }, failedAttempt: false });
  expect(built.ctx.plan).toEqual(PLAN);
  expect(built.setCookie).not.toHaveBeenCalled();
  expect(built.rotateFlowCookie).not.toHaveBeenCalled();
  expect(built.log.written()).not.toContain(SECRET);
  expect(built.log.written()).not.toContain(token);
  expect(JSON.stringify(result)).not.toContain(SECRET);
  expect(JSON.stringify(result)).not.toContain(token);
}

/** A server that answers every request with a fixed status and body, for answers the stand-in never gives. */
async function startFixedAnswerServer(status: number, contentType: string, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`, server };
}

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

describe('captchaStage: challenge', () => {
  it('shows the site key and script URL, never the private key', async () => {
    const built = stageContext(settingsFor('https://www.recaptcha.net/recaptcha/api/siteverify'));
    const result = await captchaStage(loopbackClient()).challenge(built.ctx);
    expect(result).toEqual({
      kind: 'challenge',
      challenge: { site_key: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI', js_url: 'https://www.recaptcha.net/recaptcha/api.js' },
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('names the stage type and component', () => {
    const stage = captchaStage(loopbackClient());
    expect(stage.type).toBe('captcha');
    expect(stage.component).toBe('ak-stage-captcha');
  });
});

describe('captchaStage: verification against the siteverify stand-in', () => {
  let verify: CaptchaVerifyServer;
  const long = 'x'.repeat(MAX_CAPTCHA_TOKEN_LENGTH);

  beforeEach(async () => {
    verify = await startCaptchaVerifyServer({ secret: SECRET, validTokens: [TOKEN, long] });
  });
  afterEach(() => verify.close());

  it('passes a valid token and sends the secret, token and client IP as a form', async () => {
    const built = stageContext(settingsFor(verify.url));
    const result = await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN });
    expect(result).toEqual({ kind: 'next' });
    expect(verify.requests).toEqual([{ secret: SECRET, response: TOKEN, remoteip: CLIENT_IP }]);
    expect(built.log.written()).not.toContain(SECRET);
    expect(built.log.written()).not.toContain(TOKEN);
  });

  it('sends a token with form-special characters unchanged', async () => {
    const odd = 'a+b/c=d&secret=e %f';
    const oddServer = await startCaptchaVerifyServer({ secret: SECRET, validTokens: [odd] });
    try {
      const built = stageContext(settingsFor(oddServer.url));
      expect(await captchaStage(loopbackClient()).submit(built.ctx, { token: odd })).toEqual({ kind: 'next' });
      expect(oddServer.requests).toEqual([{ secret: SECRET, response: odd, remoteip: CLIENT_IP }]);
    } finally {
      await oddServer.close();
    }
  });

  it(`accepts a token of exactly ${MAX_CAPTCHA_TOKEN_LENGTH} characters`, async () => {
    const built = stageContext(settingsFor(verify.url));
    expect(await captchaStage(loopbackClient()).submit(built.ctx, { token: long })).toEqual({ kind: 'next' });
  });

  it('refuses a token the provider does not know', async () => {
    const built = stageContext(settingsFor(verify.url));
    const result = await captchaStage(loopbackClient()).submit(built.ctx, { token: 'forged-token' });
    expectFailedClosed(result, built, 'forged-token');
    expect(verify.requests).toHaveLength(1);
  });

  it('refuses a valid token when the stage holds the wrong private key, and warns the admin', async () => {
    const wrongKey = 'not-the-right-private-key';
    const built = stageContext(settingsFor(verify.url, wrongKey));
    const result = await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN });
    expectFailedClosed(result, built);
    expect(verify.requests).toEqual([{ secret: wrongKey, response: TOKEN, remoteip: CLIENT_IP }]);
    expect(built.log.warn).toHaveBeenCalledTimes(1);
    expect(built.log.written()).toContain('invalid-input-secret');
    expect(built.log.written()).not.toContain(wrongKey);
  });

  it('refuses a replayed token', async () => {
    const stage = captchaStage(loopbackClient());
    expect(await stage.submit(stageContext(settingsFor(verify.url)).ctx, { token: TOKEN })).toEqual({ kind: 'next' });
    const replay = stageContext(settingsFor(verify.url));
    expectFailedClosed(await stage.submit(replay.ctx, { token: TOKEN }), replay);
  });

  it.each([
    ['absent', {}],
    ['empty', { token: '' }],
    ['not a string', { token: 12345 }],
    ['a list', { token: [TOKEN] }],
  ])('refuses a token that is %s without asking the provider', async (_, response) => {
    const built = stageContext(settingsFor(verify.url));
    expectFailedClosed(await captchaStage(loopbackClient()).submit(built.ctx, response), built);
    expect(verify.requests).toEqual([]);
  });

  it(`refuses a token over ${MAX_CAPTCHA_TOKEN_LENGTH} characters without asking the provider`, async () => {
    const tooLong = `${long}x`;
    const built = stageContext(settingsFor(verify.url));
    expectFailedClosed(await captchaStage(loopbackClient()).submit(built.ctx, { token: tooLong }), built, tooLong);
    expect(verify.requests).toEqual([]);
  });

  it.each([
    ['no private key', { private_key: '' }],
    ['no API URL', { api_url: undefined }],
  ])('refuses every token when the stage has %s', async (_, broken) => {
    const built = stageContext({ ...settingsFor(verify.url), ...broken });
    expectFailedClosed(await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN }), built);
    expect(verify.requests).toEqual([]);
    expect(built.log.warn).toHaveBeenCalledTimes(1);
  });
});

describe('captchaStage: reCAPTCHA v3 scores', () => {
  it.each([0.9, 0.5])('passes a score of %s', async (score) => {
    const verify = await startCaptchaVerifyServer({ secret: SECRET, validTokens: [TOKEN], score });
    try {
      const built = stageContext(settingsFor(verify.url));
      expect(await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN })).toEqual({ kind: 'next' });
    } finally {
      await verify.close();
    }
  });

  it.each([0.49, 0.1, 0])('refuses a score of %s even though the provider said success', async (score) => {
    const verify = await startCaptchaVerifyServer({ secret: SECRET, validTokens: [TOKEN], score });
    try {
      const built = stageContext(settingsFor(verify.url));
      expectFailedClosed(await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN }), built);
      expect(verify.requests).toHaveLength(1);
    } finally {
      await verify.close();
    }
  });
});

describe('captchaStage: an unreachable or unreadable provider', () => {
  it('refuses when nothing listens at the API URL, and logs a warning without secrets', async () => {
    const verify = await startCaptchaVerifyServer({ secret: SECRET, validTokens: [TOKEN] });
    await verify.close();
    const built = stageContext(settingsFor(verify.url));
    expectFailedClosed(await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN }), built);
    expect(built.log.warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'network' }), expect.any(String));
  });

  it('refuses when the default outbound client will not reach loopback', async () => {
    const verify = await startCaptchaVerifyServer({ secret: SECRET, validTokens: [TOKEN] });
    try {
      const built = stageContext(settingsFor(verify.url));
      expectFailedClosed(await captchaStage(new OutboundClient()).submit(built.ctx, { token: TOKEN }), built);
      expect(verify.requests).toEqual([]);
      expect(built.log.warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'denied' }), expect.any(String));
    } finally {
      await verify.close();
    }
  });

  it('refuses when the provider never answers before the outbound deadline', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/siteverify`;
      const built = stageContext(settingsFor(url));
      const client = new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], timeoutMs: 200 });
      expectFailedClosed(await captchaStage(client).submit(built.ctx, { token: TOKEN }), built);
      expect(built.log.warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'timeout' }), expect.any(String));
    } finally {
      await stop(silent);
    }
  });

  it('passes a plain success answer from the same kind of server (control for the refusals below)', async () => {
    const { url, server } = await startFixedAnswerServer(200, 'application/json', '{"success": true}');
    try {
      const built = stageContext(settingsFor(url));
      expect(await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN })).toEqual({ kind: 'next' });
    } finally {
      await stop(server);
    }
  });

  it.each([
    ['an HTML page', 200, 'text/html', '<html><body>Service Unavailable</body></html>'],
    ['truncated JSON', 200, 'application/json', '{"success": tr'],
    ['a success answer with status 500', 500, 'application/json', '{"success": true}'],
    ['a success answer with a redirect', 302, 'application/json', '{"success": true}'],
    ['success as a string', 200, 'application/json', '{"success": "true"}'],
    ['success as 1', 200, 'application/json', '{"success": 1}'],
    ['no success field', 200, 'application/json', '{"hostname": "localhost"}'],
    ['a bare true', 200, 'application/json', 'true'],
    ['a list', 200, 'application/json', '[{"success": true}]'],
    ['a score that is not a number', 200, 'application/json', '{"success": true, "score": "0.9"}'],
    ['a null score', 200, 'application/json', '{"success": true, "score": null}'],
  ])('refuses %s', async (_, status, contentType, body) => {
    const { url, server } = await startFixedAnswerServer(status, contentType, body);
    try {
      const built = stageContext(settingsFor(url));
      expectFailedClosed(await captchaStage(loopbackClient()).submit(built.ctx, { token: TOKEN }), built);
    } finally {
      await stop(server);
    }
  });
});
