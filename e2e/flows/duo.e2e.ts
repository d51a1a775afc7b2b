import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { startDuoStandin } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-duo-token-0123456789abcdef';
const LOGIN = 'default-authentication-flow';
const PASSWORD = 'duo user password 1';
const IKEY = 'DIXXXXXXXXXXXXXXXXXX';
const SKEY = 'duo-secret-key-0123456789012345678901234';

/** Duo push through a local server that speaks (and checks the signatures of) Duo's Auth API. */
describe('Duo second factor', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let duo: Awaited<ReturnType<typeof startDuoStandin>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-duo-'));
    db = await createTestDatabase('authmesh_e2e_duo');
    duo = await startDuoStandin({ integrationKey: IKEY, secretKey: SKEY });
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-duo-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin pw',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        AUTHMESH_DUO_URL: duo.baseUrl,
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'Duo setup',
      slug: 'duo-setup',
      title: 'Duo',
      designation: 'stage_configuration',
      authentication: 'require_authenticated',
    });
    const stage = await api('POST', '/api/v3/stages/authenticator/duo/', {
      name: 'duo',
      client_id: IKEY,
      client_secret: SKEY,
      api_hostname: duo.hostname,
    });
    expect(stage.status).toBe(201);
    expect(stage.body).not.toHaveProperty('client_secret');
    await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
    const validate = (await api('GET', '/api/v3/stages/authenticator/validate/?name=default-authentication-mfa-validation')).body
      .results[0];
    await api('PATCH', `/api/v3/stages/authenticator/validate/${validate.pk}/`, { device_classes: ['static', 'totp', 'duo'] });
    await api('POST', '/api/v3/core/users/', { username: 'duo-user' });
    const user = (await api('GET', '/api/v3/core/users/?username=duo-user')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await duo?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function toSecondFactor(browser: FlowBrowser) {
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'duo-user' });
    return (await browser.submit(LOGIN, { password: PASSWORD })).challenge;
  }

  it('activates Duo Mobile, then approves or refuses logins by push', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    expect((await toSecondFactor(browser)).component).toBe('xak-flow-redirect');
    const setup = await browser.start('duo-setup');
    expect(setup).toMatchObject({ component: 'ak-stage-authenticator-duo' });
    expect(setup.activation_barcode).toMatch(/^https?:\/\//);
    const waiting = await browser.submit('duo-setup', {});
    expect(waiting.challenge.response_errors.non_field_errors[0].string).toMatch(/not activated yet/);
    const duoUser = [...duo.users.keys()][0];
    duo.activate(duoUser);
    expect((await browser.submit('duo-setup', {})).challenge.component).toBe('xak-flow-redirect');
    const device = (await browser.request('GET', '/api/v3/authenticators/duo/')).body.results[0];
    expect(device).toMatchObject({ type: 'duo', confirmed: true });

    const approved = new FlowBrowser(proc.baseUrl);
    const asked = await toSecondFactor(approved);
    expect(asked.device_challenges).toEqual([expect.objectContaining({ device_class: 'duo', device_uid: device.pk })]);
    duo.setPushAnswer(duoUser, 'allow');
    const allowed = await approved.submit(LOGIN, { selected_challenge: { device_class: 'duo', device_uid: device.pk } });
    expect(allowed.challenge.component).toBe('xak-flow-redirect');

    const refused = new FlowBrowser(proc.baseUrl);
    await toSecondFactor(refused);
    duo.setPushAnswer(duoUser, 'deny');
    const denied = await refused.submit(LOGIN, { selected_challenge: { device_class: 'duo', device_uid: device.pk } });
    expect(denied.challenge.response_errors.non_field_errors[0].string).toBe('The login was not approved on the device.');
    expect(refused.cookies.has('authmesh_session')).toBe(false);
  });
});
