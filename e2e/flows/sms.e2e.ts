import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { startSmsProviderStandin } from '../../services/flows/test/sms-provider-standin.js';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-sms-token-0123456789abcdef';
const LOGIN = 'default-authentication-flow';
const PASSWORD = 'sms user password 1';
const SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'twilio-auth-token-e2e';

/** SMS second factor through a local server that speaks Twilio's Messages API: read the texted code, type it in. */
describe('SMS second factor', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let twilio: Awaited<ReturnType<typeof startSmsProviderStandin>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-sms-'));
    db = await createTestDatabase('authmesh_e2e_sms');
    twilio = await startSmsProviderStandin({ accountSid: SID, authToken: AUTH_TOKEN, genericBearer: 'gateway-token' });
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-sms-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin pw',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        AUTHMESH_TWILIO_URL: twilio.twilioBaseUrl,
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'SMS setup',
      slug: 'sms-setup',
      title: 'Add a phone',
      designation: 'stage_configuration',
      authentication: 'require_authenticated',
    });
    const stage = await api('POST', '/api/v3/stages/authenticator/sms/', {
      name: 'sms',
      provider: 'twilio',
      from_number: '+15005550006',
      account_sid: SID,
      auth: AUTH_TOKEN,
    });
    expect(stage.status).toBe(201);
    expect(stage.body).not.toHaveProperty('auth');
    await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
    const validate = (await api('GET', '/api/v3/stages/authenticator/validate/?name=default-authentication-mfa-validation')).body
      .results[0];
    await api('PATCH', `/api/v3/stages/authenticator/validate/${validate.pk}/`, { device_classes: ['static', 'totp', 'sms'] });
    await api('POST', '/api/v3/core/users/', { username: 'texter' });
    const user = (await api('GET', '/api/v3/core/users/?username=texter')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await twilio?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const codeIn = (body: string) => (/(\d{6})/.exec(body) as RegExpExecArray)[1];

  it('enrolls a phone with a texted code, then logs in with a code texted to it', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'texter' });
    expect((await browser.submit(LOGIN, { password: PASSWORD })).challenge.component).toBe('xak-flow-redirect');

    expect(await browser.start('sms-setup')).toMatchObject({ component: 'ak-stage-authenticator-sms', phone_number_required: true });
    expect((await browser.submit('sms-setup', { phone_number: '12345' })).challenge.response_errors.phone_number).toBeDefined();
    const sent = await browser.submit('sms-setup', { phone_number: '+49 151 1234 5678' });
    expect(sent.challenge).toMatchObject({ phone_number_required: false });
    const text = twilio.messages.at(-1);
    expect(text).toMatchObject({ provider: 'twilio', to: '+4915112345678', from: '+15005550006' });
    expect(
      (await browser.submit('sms-setup', { code: '000000' === codeIn(text?.body ?? '') ? '111111' : '000000' })).challenge.response_errors
        .code,
    ).toBeDefined();
    expect((await browser.submit('sms-setup', { code: codeIn(text?.body ?? '') })).challenge.component).toBe('xak-flow-redirect');
    const devices = (await browser.request('GET', '/api/v3/authenticators/sms/')).body.results;
    expect(devices).toHaveLength(1);

    const login = new FlowBrowser(proc.baseUrl);
    await login.start(LOGIN);
    await login.submit(LOGIN, { uid_field: 'texter' });
    const asked = (await login.submit(LOGIN, { password: PASSWORD })).challenge;
    expect(asked.device_challenges).toEqual([expect.objectContaining({ device_class: 'sms', device_uid: devices[0].pk })]);
    const before = twilio.messages.length;
    const chosen = await login.submit(LOGIN, { selected_challenge: { device_class: 'sms', device_uid: devices[0].pk } });
    expect(chosen.challenge).toMatchObject({ sms_sent: true });
    expect(twilio.messages.length).toBe(before + 1);
    const loginCode = codeIn(twilio.messages.at(-1)?.body ?? '');
    expect((await login.submit(LOGIN, { code: loginCode })).challenge.component).toBe('xak-flow-redirect');
    expect((await login.request('GET', '/api/v3/core/users/me/')).body.user.username).toBe('texter');
  });

  it('refuses a number another account already uses, and keeps only a digest in verify-only mode', async () => {
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'Verify phone',
      slug: 'verify-phone',
      title: 'Verify your phone',
      designation: 'stage_configuration',
      authentication: 'require_authenticated',
    });
    const stage = await api('POST', '/api/v3/stages/authenticator/sms/', {
      name: 'verify-only',
      provider: 'twilio',
      from_number: '+15005550006',
      account_sid: SID,
      auth: AUTH_TOKEN,
      verify_only: true,
    });
    await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
    for (const username of ['verifier', 'copycat']) {
      await api('POST', '/api/v3/core/users/', { username });
      const user = (await api('GET', `/api/v3/core/users/?username=${username}`)).body.results[0];
      await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
    }
    const enroll = async (username: string, phone: string) => {
      const browser = new FlowBrowser(proc.baseUrl);
      await browser.start(LOGIN);
      await browser.submit(LOGIN, { uid_field: username });
      await browser.submit(LOGIN, { password: PASSWORD });
      await browser.start('verify-phone');
      await browser.submit('verify-phone', { phone_number: phone });
      const answer = await browser.submit('verify-phone', { code: codeIn(twilio.messages.at(-1)?.body ?? '') });
      return { browser, answer: answer.challenge };
    };

    // texter's number (enrolled above) cannot be verified by another account.
    const taken = await enroll('copycat', '+4915112345678');
    expect(taken.answer.response_errors.phone_number[0].string).toBe('This phone number cannot be used.');

    const verified = await enroll('verifier', '+4915187654321');
    expect(verified.answer.component).toBe('xak-flow-redirect');
    const devices = (await verified.browser.request('GET', '/api/v3/authenticators/sms/')).body.results;
    expect(devices).toHaveLength(1);
    // A digest cannot receive codes, so the login asks for no SMS code.
    const login = new FlowBrowser(proc.baseUrl);
    await login.start(LOGIN);
    await login.submit(LOGIN, { uid_field: 'verifier' });
    expect((await login.submit(LOGIN, { password: PASSWORD })).challenge.component).toBe('xak-flow-redirect');
    // The digest still blocks the number for everyone else.
    expect((await enroll('copycat', '+4915187654321')).answer.response_errors.phone_number).toBeDefined();
  });

  it('texts through a generic gateway with the body a webhook mapping builds', async () => {
    const broken = await api('POST', '/api/v3/propertymappings/notification/', { name: 'broken', expression: 'return {' });
    expect(broken.status).toBe(400);
    expect(broken.body.expression).toBeDefined();
    const mapping = await api('POST', '/api/v3/propertymappings/notification/', {
      name: 'custom gateway body',
      expression: 'return { recipient: phone_number, sender: from_number, message: body };',
    });
    expect(mapping.status).toBe(201);
    expect(mapping.body).toMatchObject({ meta_model_name: 'authentik_events.notificationwebhookmapping' });
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'Gateway phone',
      slug: 'gateway-phone',
      title: 'Add a phone',
      designation: 'stage_configuration',
      authentication: 'require_authenticated',
    });
    const stage = await api('POST', '/api/v3/stages/authenticator/sms/', {
      name: 'gateway',
      provider: 'generic',
      account_sid: twilio.customUrl,
      auth: 'gateway-token',
      auth_type: 'bearer',
      from_number: '+15005550007',
      mapping: mapping.body.pk,
    });
    expect(stage.status).toBe(201);
    await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
    await api('POST', '/api/v3/core/users/', { username: 'gatewayed' });
    const user = (await api('GET', '/api/v3/core/users/?username=gatewayed')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });

    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'gatewayed' });
    await browser.submit(LOGIN, { password: PASSWORD });
    await browser.start('gateway-phone');
    await browser.submit('gateway-phone', { phone_number: '+4915122223333' });
    const text = twilio.messages.at(-1);
    expect(text).toMatchObject({ provider: 'generic', to: '+4915122223333', from: '+15005550007' });
    expect((await browser.submit('gateway-phone', { code: codeIn(text?.body ?? '') })).challenge.component).toBe('xak-flow-redirect');
  });
});
