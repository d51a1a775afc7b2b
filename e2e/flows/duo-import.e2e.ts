import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, startDuoStandin, type DuoStandin, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-duo-import-token-0123456789abcdef';
const LOGIN = 'default-authentication-flow';
const PASSWORD = 'duo import password 1';
const IKEY = 'DIXXXXXXXXXXXXXXXXX1';
const SKEY = 'duo-secret-key-0123456789012345678901231';
const ADMIN_IKEY = 'DIADMINXXXXXXXXXXXX2';
const ADMIN_SKEY = 'duo-admin-secret-key-01234567890123456782';

/** Importing existing Duo users' devices (Admin API, and by hand), then logging in with one by push. */
describe('Duo device import', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let duo: DuoStandin;
  let stagePk: string;
  let bareStagePk: string;
  const users: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-duo-import-'));
    db = await createTestDatabase('authmesh_e2e_duo_import');
    duo = await startDuoStandin({ integrationKey: IKEY, secretKey: SKEY, adminIntegrationKey: ADMIN_IKEY, adminSecretKey: ADMIN_SKEY });
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-duo-import-secret-key-long-enough-0123',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin pw',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        AUTHMESH_DUO_URL: duo.baseUrl,
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    const stage = await api('POST', '/api/v3/stages/authenticator/duo/', {
      name: 'duo',
      client_id: IKEY,
      client_secret: SKEY,
      api_hostname: duo.hostname,
      admin_integration_key: ADMIN_IKEY,
      admin_secret_key: ADMIN_SKEY,
    });
    expect(stage.status).toBe(201);
    expect(stage.body).not.toHaveProperty('admin_secret_key');
    stagePk = stage.body.pk;
    const bare = await api('POST', '/api/v3/stages/authenticator/duo/', {
      name: 'duo without admin api',
      client_id: IKEY,
      client_secret: SKEY,
      api_hostname: duo.hostname,
    });
    bareStagePk = bare.body.pk;
    const validate = (await api('GET', '/api/v3/stages/authenticator/validate/?name=default-authentication-mfa-validation')).body
      .results[0];
    await api('PATCH', `/api/v3/stages/authenticator/validate/${validate.pk}/`, { device_classes: ['static', 'totp', 'duo'] });
    for (const username of ['carol', 'dave']) {
      await api('POST', '/api/v3/core/users/', { username });
      users[username] = (await api('GET', `/api/v3/core/users/?username=${username}`)).body.results[0].pk;
      await api('POST', `/api/v3/core/users/${users[username]}/set_password/`, { password: PASSWORD });
    }
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await duo?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const duoDevices = async () => (await api('GET', '/api/v3/authenticators/admin/duo/')).body.results as { pk: string; user: number }[];
  const importAutomatic = (pk = stagePk) => api('POST', `/api/v3/stages/authenticator/duo/${pk}/import_devices_automatic/`);
  const importManual = (body: unknown, pk = stagePk) => api('POST', `/api/v3/stages/authenticator/duo/${pk}/import_device_manual/`, body);

  async function toSecondFactor(browser: FlowBrowser, username: string) {
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: username });
    return (await browser.submit(LOGIN, { password: PASSWORD })).challenge;
  }

  it('refuses both imports to an account that is not a superuser', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    expect((await toSecondFactor(browser, 'dave')).component).toBe('xak-flow-redirect');
    const csrf = { 'x-csrftoken': browser.cookies.get('authmesh_csrf') ?? '' };
    const base = `/api/v3/stages/authenticator/duo/${stagePk}`;
    expect((await browser.request('POST', `${base}/import_devices_automatic/`, {}, csrf)).status).toBe(403);
    const manual = await browser.request(
      'POST',
      `${base}/import_device_manual/`,
      { username: 'dave', duo_user_id: 'DU' + 'A'.repeat(18) },
      csrf,
    );
    expect(manual.status).toBe(403);
    expect(await duoDevices()).toEqual([]);
  });

  it('refuses an automatic import with a stage that has no Admin API keys, asking Duo nothing', async () => {
    duo.requests.length = 0;
    const refused = await importAutomatic(bareStagePk);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ admin_integration_key: [expect.stringContaining('no Admin API keys')] });
    expect(duo.requests).toEqual([]);
    expect(await duoDevices()).toEqual([]);
  });

  it('imports the Duo users whose usernames match, once, paging through the Admin API', async () => {
    // 300 Duo users nobody here has come first, so the match is on the Admin API's second page.
    for (let i = 0; i < 300; i++) duo.addUser(`only-in-duo-${i}`, { activated: false });
    const carolDuo = duo.addUser('carol');
    duo.requests.length = 0;
    const imported = await importAutomatic();
    expect(imported).toEqual({ status: 200, body: { count: 1, error: '' } });
    expect(duo.requests.map((r) => [r.path, r.params.offset])).toEqual([
      ['/admin/v1/users', '0'],
      ['/admin/v1/users', '300'],
    ]);
    const devices = await duoDevices();
    expect(devices).toEqual([expect.objectContaining({ user: users.carol, type: 'duo', confirmed: true })]);

    const again = await importAutomatic();
    expect(again).toEqual({ status: 200, body: { count: 0, error: '' } });
    expect(await duoDevices()).toEqual(devices);
    expect(carolDuo).toMatch(/^DU/);

    let created: { context: { model: { pk: string } } }[] = [];
    for (let i = 0; i < 50 && created.length === 0; i++) {
      created = (await api('GET', '/api/v3/events/events/?action=model_created')).body.results.filter(
        (event: { context: { model?: { pk?: string } } }) => event.context.model?.pk === devices[0].pk,
      );
      if (created.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(created).toHaveLength(1);
  });

  it('answers 400 and creates nothing when Duo refuses the Admin API keys', async () => {
    const before = await duoDevices();
    duo.addUser('dave');
    const wrong = await api('PATCH', `/api/v3/stages/authenticator/duo/${bareStagePk}/`, {
      admin_integration_key: ADMIN_IKEY,
      admin_secret_key: 'not-the-admin-secret-key-0123456789012345',
    });
    expect(wrong.status).toBe(200);
    const refused = await importAutomatic(bareStagePk);
    expect(refused.status).toBe(400);
    expect(refused.body.non_field_errors[0]).toMatch(/40103/);
    expect(JSON.stringify(refused.body)).not.toContain('not-the-admin-secret-key');
    expect(await duoDevices()).toEqual(before);
  });

  it('imports one device by hand and refuses unknown users, malformed ids and duplicates', async () => {
    const before = await duoDevices();
    const daveDuo = [...duo.users].find(([, user]) => user.username === 'dave')?.[0] ?? '';
    const unknownUser = await importManual({ username: 'nobody-here', duo_user_id: daveDuo });
    expect(unknownUser).toEqual({ status: 400, body: { username: ['No such user.'] } });
    const unknownPk = await importManual({ user: 999_999, duo_user_id: daveDuo });
    expect(unknownPk).toEqual({ status: 400, body: { user: ['No such user.'] } });
    const malformed = await importManual({ username: 'dave', duo_user_id: 'not a duo id' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ duo_user_id: [expect.stringContaining('Not a Duo user id')] });
    expect((await importManual({ duo_user_id: daveDuo })).status).toBe(400);
    expect((await importManual({ username: 'dave', duo_user_id: daveDuo }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await duoDevices()).toEqual(before);

    const imported = await importManual({ username: 'dave', duo_user_id: daveDuo });
    expect(imported.status).toBe(204);
    const duplicate = await importManual({ user: users.dave, duo_user_id: daveDuo });
    expect(duplicate).toEqual({ status: 400, body: { duo_user_id: [expect.stringContaining('already has a device')] } });
    const after = await duoDevices();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((d) => d.user === users.dave)).toHaveLength(1);
  });

  it('creates one device per user when two automatic imports run at once', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `parallel-${i}`);
    for (const username of names) {
      expect((await api('POST', '/api/v3/core/users/', { username })).status).toBe(201);
      duo.addUser(username);
    }
    const before = (await duoDevices()).length;
    const both = await Promise.all([importAutomatic(), importAutomatic()]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both[0].body.count + both[1].body.count).toBe(names.length);
    expect(await duoDevices()).toHaveLength(before + names.length);
  });

  it('logs in with an imported device by push: approved, then refused', async () => {
    const [device] = (await duoDevices()).filter((d) => d.user === users.carol);
    const carolDuo = [...duo.users].find(([, user]) => user.username === 'carol')?.[0] ?? '';

    const approved = new FlowBrowser(proc.baseUrl);
    const asked = await toSecondFactor(approved, 'carol');
    expect(asked.device_challenges).toEqual([expect.objectContaining({ device_class: 'duo', device_uid: device.pk })]);
    duo.setPushAnswer(carolDuo, 'allow');
    const allowed = await approved.submit(LOGIN, { selected_challenge: { device_class: 'duo', device_uid: device.pk } });
    expect(allowed.challenge.component).toBe('xak-flow-redirect');
    expect(duo.requests.at(-1)).toMatchObject({ path: '/auth/v2/auth', params: { user_id: carolDuo, factor: 'push' } });

    const refused = new FlowBrowser(proc.baseUrl);
    await toSecondFactor(refused, 'carol');
    duo.setPushAnswer(carolDuo, 'deny');
    const denied = await refused.submit(LOGIN, { selected_challenge: { device_class: 'duo', device_uid: device.pk } });
    expect(denied.challenge.response_errors.non_field_errors[0].string).toBe('The login was not approved on the device.');
    expect(refused.cookies.has('authmesh_session')).toBe(false);
  });
});
