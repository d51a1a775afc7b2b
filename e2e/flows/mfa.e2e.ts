import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { FlowClient } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-mfa-token-0123456789abcdef';
const SECRET = 'e2e-mfa-secret-key-long-enough-0123456789';
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(REPO, '..', 'shared', 'compat', 'authentik-2023.10');
const LOGIN = 'default-authentication-flow';
const PASSWORD = 'mfa user password 1';

/** Second factors over HTTP: enroll TOTP and static codes with the reference setup flows, then log in with them. */
describe('multi-factor login', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let totp: TOTP;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-mfa-'));
    db = await createTestDatabase('authmesh_e2e_mfa');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: SECRET,
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin pw',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (const file of ['default/flow-default-authenticator-totp-setup.yaml', 'default/flow-default-authenticator-static-setup.yaml']) {
      const created = await api('POST', '/api/v3/managed/blueprints/', { name: file, content: readFileSync(join(CORPUS, file), 'utf8') });
      expect((await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`)).body.status).toBe('successful');
    }
    // The built-in login flow asks for a second factor between password and login.
    const validate = await api('GET', '/api/v3/stages/authenticator/validate/?name=default-authentication-mfa-validation');
    expect(validate.body.results[0]).toMatchObject({
      device_classes: ['static', 'totp', 'webauthn', 'duo', 'sms'],
      not_configured_action: 'skip',
    });
    await api('POST', '/api/v3/core/users/', { username: 'mfa-user', email: 'mfa@example.com' });
    const user = (await api('GET', '/api/v3/core/users/?username=mfa-user')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function toSecondFactor(browser: FlowBrowser) {
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'mfa-user' });
    return (await browser.submit(LOGIN, { password: PASSWORD })).challenge;
  }

  it('lets a user without a device through, and enrolls TOTP confirmed by a first code', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    expect((await toSecondFactor(browser)).component).toBe('xak-flow-redirect');
    const setup = await browser.start('default-authenticator-totp-setup');
    expect(setup.component).toBe('ak-stage-authenticator-totp');
    const uri = new URL(setup.config_url);
    expect(uri.protocol).toBe('otpauth:');
    totp = new TOTP({ secret: Secret.fromBase32(uri.searchParams.get('secret') as string), digits: 6, period: 30 });
    // The same QR code until the enrollment is confirmed.
    expect((await browser.start('default-authenticator-totp-setup')).config_url).toBe(setup.config_url);
    const wrong = await browser.submit('default-authenticator-totp-setup', { code: '000000' === totp.generate() ? '111111' : '000000' });
    expect(wrong.challenge.response_errors.code).toBeDefined();
    const done = await browser.submit('default-authenticator-totp-setup', { code: totp.generate() });
    expect(done.challenge.component).toBe('xak-flow-redirect');
    const devices = await browser.request('GET', '/api/v3/authenticators/all/');
    expect(devices.body.results).toEqual([
      expect.objectContaining({ type: 'totp', confirmed: true, meta_model_name: 'authentik_stages_authenticator_totp.totpdevice' }),
    ]);
  });

  it('asks for the TOTP code at login, refuses a wrong one and a replayed one', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const asked = await toSecondFactor(browser);
    expect(asked).toMatchObject({
      component: 'ak-stage-authenticator-validate',
      device_challenges: [expect.objectContaining({ device_class: 'totp' })],
    });
    expect((await browser.submit(LOGIN, {})).challenge.response_errors.code).toBeDefined();
    const bad = await browser.submit(LOGIN, { code: '12345' });
    expect(bad.challenge.response_errors.code[0].string).toBe('Invalid code.');
    // Wait for a fresh time step: the enrollment code's step was already used.
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    const code = totp.generate();
    expect((await browser.submit(LOGIN, { code })).challenge.component).toBe('xak-flow-redirect');
    expect((await browser.request('GET', '/api/v3/core/users/me/')).body.user.username).toBe('mfa-user');
    const again = new FlowBrowser(proc.baseUrl);
    await toSecondFactor(again);
    expect((await again.submit(LOGIN, { code })).challenge.response_errors.code).toBeDefined();
  }, 60_000);

  it('enrolls static codes shown once, each usable once at login', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await toSecondFactor(browser);
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    await browser.submit(LOGIN, { code: totp.generate() });
    const setup = await browser.start('default-authenticator-static-setup');
    expect(setup.codes).toHaveLength(6);
    expect((await browser.submit('default-authenticator-static-setup', {})).challenge.component).toBe('xak-flow-redirect');
    const [first] = setup.codes as string[];
    const login = new FlowBrowser(proc.baseUrl);
    await toSecondFactor(login);
    expect((await login.submit(LOGIN, { code: first })).challenge.component).toBe('xak-flow-redirect');
    const replay = new FlowBrowser(proc.baseUrl);
    await toSecondFactor(replay);
    expect((await replay.submit(LOGIN, { code: first })).challenge.response_errors.code).toBeDefined();
    // Admins see every user's devices; owners can remove theirs.
    const all = await api('GET', '/api/v3/authenticators/admin/static/');
    expect(all.body.results.map((d: { user: number }) => d.user)).toHaveLength(1);
    const mine = (await login.request('GET', '/api/v3/authenticators/static/')).body.results[0];
    const csrf = { 'x-csrftoken': login.cookies.get('authmesh_csrf') ?? '' };
    expect((await login.request('DELETE', `/api/v3/authenticators/static/${mine.pk}/`, undefined, csrf)).status).toBe(204);
  }, 60_000);

  it('sends a user without a device to set one up when the stage says so, and refuses device classes it does not allow', async () => {
    await api('POST', '/api/v3/core/users/', { username: 'mfa-new' });
    const user = (await api('GET', '/api/v3/core/users/?username=mfa-new')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
    const totpStage = (await api('GET', '/api/v3/stages/authenticator/totp/?name=default-authenticator-totp-setup')).body.results[0];
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'Strict',
      slug: 'strict-login',
      title: 'Strict',
      designation: 'authentication',
    });
    const ident = (await api('GET', '/api/v3/stages/identification/?name=default-authentication-identification')).body.results[0];
    const password = (await api('GET', '/api/v3/stages/password/?name=default-authentication-password')).body.results[0];
    const strict = await api('POST', '/api/v3/stages/authenticator/validate/', {
      name: 'totp-only',
      device_classes: ['totp'],
      not_configured_action: 'configure',
      configuration_stages: [totpStage.pk],
    });
    const login = (await api('GET', '/api/v3/stages/user_login/?name=default-authentication-login')).body.results[0];
    for (const [stage, order] of [
      [ident.pk, 10],
      [password.pk, 20],
      [strict.body.pk, 30],
      [login.pk, 100],
    ] as const) {
      await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage, order });
    }
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start('strict-login');
    await browser.submit('strict-login', { uid_field: 'mfa-new' });
    const setup = (await browser.submit('strict-login', { password: PASSWORD })).challenge;
    expect(setup.component).toBe('ak-stage-authenticator-totp');
    const secret = new URL(setup.config_url).searchParams.get('secret') as string;
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
    // After setting it up, the validation stage asks for a code from the new device.
    const asked = (await browser.submit('strict-login', { code })).challenge;
    expect(asked).toMatchObject({
      component: 'ak-stage-authenticator-validate',
      device_challenges: [expect.objectContaining({ device_class: 'totp' })],
    });

    // mfa-user owns static codes too, but this stage only takes TOTP.
    const codes = new FlowBrowser(proc.baseUrl);
    await codes.start('default-authentication-flow');
    await codes.submit('default-authentication-flow', { uid_field: 'mfa-user' });
    await codes.submit('default-authentication-flow', { password: PASSWORD });
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    await codes.submit('default-authentication-flow', { code: totp.generate() });
    const staticSetup = await codes.start('default-authenticator-static-setup');
    await codes.submit('default-authenticator-static-setup', {});
    const other = new FlowBrowser(proc.baseUrl);
    await other.start('strict-login');
    await other.submit('strict-login', { uid_field: 'mfa-user' });
    await other.submit('strict-login', { password: PASSWORD });
    expect((await other.submit('strict-login', { code: staticSetup.codes[0] })).challenge.response_errors.code).toBeDefined();
  }, 60_000);

  it('logs protocol clients in with code-based MFA (password;code) only when asked to split, once per code', async () => {
    const flows = new FlowClient(proc.grpcAddress as string, deriveMeshKey(SECRET));
    const user = (await api('GET', '/api/v3/core/users/?username=mfa-user')).body.results[0];
    const ask = (password: string, codeBased: boolean, username = 'mfa-user') =>
      flows.authenticate({ flow_slug: LOGIN, username, password, client_ip: '127.0.0.1', protocol: 'ldap', code_based_mfa: codeBased });
    // The next time step's code: inside the accepted window, and newer than any step used so far.
    const code = totp.generate({ timestamp: Date.now() + 30_000 });

    // Without a code nobody can answer the second-factor stage; without the split, ";code" is part of the password.
    expect(await ask(PASSWORD, true)).toMatchObject({ authenticated: false });
    expect(await ask(`${PASSWORD};${code}`, false)).toMatchObject({ authenticated: false });
    const wrongPassword = await ask(`wrong password;${code}`, true);
    const unknownUser = await ask(`wrong password;${code}`, true, 'nobody-here');
    expect(wrongPassword).toEqual({ authenticated: false, user_pk: '', message: expect.any(String) });
    expect(unknownUser).toEqual(wrongPassword);

    expect(await ask(`${PASSWORD};${code}`, true)).toEqual({ authenticated: true, user_pk: String(user.pk), message: '' });
    expect(await ask(`${PASSWORD};${code}`, true)).toMatchObject({ authenticated: false });

    // A protocol login leaves an event naming the protocol and the device, and no browser session.
    const events = (await api('GET', '/api/v3/events/events/?action=login&ordering=-created')).body.results;
    expect(events[0].context).toMatchObject({
      protocol: 'ldap',
      auth_method: 'password',
      auth_method_args: { mfa_device: expect.any(String) },
    });
    const sessions = (await api('GET', `/api/v3/core/authenticated_sessions/?user=${user.pk}`)).body.results;
    expect(
      sessions.every(
        (s: { user_agent?: { user_agent?: { family?: string } }; last_user_agent?: string }) =>
          !String(s.last_user_agent ?? '').includes('authmesh-ldap'),
      ),
    ).toBe(true);
  });

  it('throttles code guessing through reputation: after a run of wrong codes even the right one is not checked', async () => {
    await api('POST', '/api/v3/core/users/', { username: 'mfa-guessed' });
    const user = (await api('GET', '/api/v3/core/users/?username=mfa-guessed')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
    const setup = new FlowBrowser(proc.baseUrl);
    await setup.start(LOGIN);
    await setup.submit(LOGIN, { uid_field: 'mfa-guessed' });
    await setup.submit(LOGIN, { password: PASSWORD });
    const secret = new URL((await setup.start('default-authenticator-totp-setup')).config_url).searchParams.get('secret') as string;
    const device = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    await setup.submit('default-authenticator-totp-setup', { code: device.generate() });

    const attacker = new FlowBrowser(proc.baseUrl);
    await attacker.start(LOGIN);
    await attacker.submit(LOGIN, { uid_field: 'mfa-guessed' });
    await attacker.submit(LOGIN, { password: PASSWORD });
    const right = device.generate({ timestamp: Date.now() + 30_000 });
    let answer;
    // The account earned a few points (password and setup); ten wrong codes spend them and pass the line.
    for (let i = 0; i < 10; i++) answer = await attacker.submit(LOGIN, { code: right === '000000' ? '111111' : '000000' });
    expect(answer?.challenge.response_errors.non_field_errors[0].string).toBe('Too many failed attempts. Try again later.');
    const last = await attacker.submit(LOGIN, { code: right });
    expect(last.challenge.component).toBe('ak-stage-authenticator-validate');
    expect(last.challenge.response_errors.non_field_errors).toBeDefined();
  });
});
