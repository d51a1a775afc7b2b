import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, SoftAuthenticator, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-webauthn-token-0123456789abcdef';
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(REPO, '..', 'shared', 'compat', 'authentik-2023.10');
const LOGIN = 'default-authentication-flow';
const SETUP = 'default-authenticator-webauthn-setup';
const PASSWORDLESS = 'default-passwordless-flow';

/**
 * WebAuthn over HTTP with a software authenticator that answers exactly as a browser hands
 * a security key's answers over: registration through the reference setup flow, second
 * factor at login, passwordless login, passkey sign-in on the login form.
 */
describe('WebAuthn', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  const users = { alice: 'alice password 1', bob: 'bob password 1' } as const;
  let aliceKey: SoftAuthenticator;
  let bobKey: SoftAuthenticator;

  async function applyBlueprint(name: string, content: string) {
    const created = await api('POST', '/api/v3/managed/blueprints/', { name, content });
    expect((await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`)).body.status).toBe('successful');
  }

  async function loggedIn(username: keyof typeof users) {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: username });
    return { browser, next: (await browser.submit(LOGIN, { password: users[username] })).challenge };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-webauthn-'));
    db = await createTestDatabase('authmesh_e2e_webauthn');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-webauthn-secret-key-long-enough-0123',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin pw',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    aliceKey = new SoftAuthenticator({ origin: proc.baseUrl });
    bobKey = new SoftAuthenticator({ origin: proc.baseUrl });
    const setup = 'default/flow-default-authenticator-webauthn-setup.yaml';
    await applyBlueprint(setup, readFileSync(join(CORPUS, setup), 'utf8'));
    await applyBlueprint('passwordless', readFileSync(join(REPO, 'blueprints', 'example', 'flows-passwordless.yaml'), 'utf8'));
    for (const [username, password] of Object.entries(users)) {
      await api('POST', '/api/v3/core/users/', { username, email: `${username}@example.com` });
      const user = (await api('GET', `/api/v3/core/users/?username=${username}`)).body.results[0];
      await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password });
    }
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a security key through the setup flow and lists it as a WebAuthn device', async () => {
    for (const [username, key] of [
      ['alice', aliceKey],
      ['bob', bobKey],
    ] as const) {
      const { browser, next } = await loggedIn(username);
      expect(next.component).toBe('xak-flow-redirect');
      const setup = await browser.start(SETUP);
      expect(setup.component).toBe('ak-stage-authenticator-webauthn');
      expect(setup.registration.rp.id).toBe('127.0.0.1');
      const done = await browser.submit(SETUP, { response: key.register(setup.registration) });
      expect(done.challenge.component).toBe('xak-flow-redirect');
      const devices = await browser.request('GET', '/api/v3/authenticators/all/');
      expect(devices.body.results).toEqual([
        expect.objectContaining({ type: 'webauthn', meta_model_name: 'authentik_stages_authenticator_webauthn.webauthndevice' }),
      ]);
    }
  });

  it('asks for the key after the password, refuses a key of another user, and logs in with the own key', async () => {
    const { browser, next } = await loggedIn('alice');
    expect(next.component).toBe('ak-stage-authenticator-validate');
    const request = next.device_challenges.find((c: { device_class: string }) => c.device_class === 'webauthn').challenge;
    expect(request.allowCredentials.map((c: { id: string }) => c.id)).toEqual([aliceKey.credentials[0].id]);

    const foreign = await browser.submit(LOGIN, { webauthn: bobKey.assert({ ...request, allowCredentials: [] }) });
    expect(foreign.challenge.response_errors.webauthn[0].string).toMatch(/not registered for this account/);

    const again = foreign.challenge.device_challenges.find((c: { device_class: string }) => c.device_class === 'webauthn').challenge;
    const done = await browser.submit(LOGIN, { webauthn: aliceKey.assert(again) });
    expect(done.challenge.component).toBe('xak-flow-redirect');
    expect((await browser.request('GET', '/api/v3/core/users/me/')).body.user.username).toBe('alice');
  });

  it('refuses an answer replayed from an earlier login', async () => {
    const first = await loggedIn('alice');
    const answer = aliceKey.assert(
      first.next.device_challenges.find((c: { device_class: string }) => c.device_class === 'webauthn').challenge,
    );
    expect((await first.browser.submit(LOGIN, { webauthn: answer })).challenge.component).toBe('xak-flow-redirect');
    const second = await loggedIn('alice');
    const replay = await second.browser.submit(LOGIN, { webauthn: answer });
    expect(replay.challenge.component).toBe('ak-stage-authenticator-validate');
    expect(replay.challenge.response_errors.webauthn).toBeDefined();
  });

  it('logs in without username or password through the passwordless flow', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const asked = await browser.start(PASSWORDLESS);
    expect(asked.component).toBe('ak-stage-authenticator-validate');
    const request = asked.device_challenges[0].challenge;
    expect(request).toMatchObject({ allowCredentials: [], userVerification: 'required' });
    const done = await browser.submit(PASSWORDLESS, { webauthn: bobKey.assert(request) });
    expect(done.challenge.component).toBe('xak-flow-redirect');
    expect((await browser.request('GET', '/api/v3/core/users/me/')).body.user.username).toBe('bob');
  });

  it('signs in with a passkey from the login form when the identification stage links a WebAuthn stage', async () => {
    const identification = (await api('GET', '/api/v3/stages/identification/?name=default-authentication-identification')).body.results[0];
    const validation = (await api('GET', '/api/v3/stages/authenticator/validate/?name=default-passwordless-validation')).body.results[0];
    expect((await api('PATCH', `/api/v3/stages/identification/${identification.pk}/`, { webauthn_stage: validation.pk })).status).toBe(200);
    try {
      const browser = new FlowBrowser(proc.baseUrl);
      const form = await browser.start(LOGIN);
      expect(form.passkey_challenge).toMatchObject({ allowCredentials: [] });
      const done = await browser.submit(LOGIN, { passkey: aliceKey.assert(form.passkey_challenge) });
      // Password and second factor are skipped: a passkey is both.
      expect(done.challenge.component).toBe('xak-flow-redirect');
      expect((await browser.request('GET', '/api/v3/core/users/me/')).body.user.username).toBe('alice');
    } finally {
      await api('PATCH', `/api/v3/stages/identification/${identification.pk}/`, { webauthn_stage: null });
    }
  });

  it('lets the owner delete the key, after which it no longer logs in', async () => {
    const { browser } = await loggedIn('bob').then(async (session) => {
      const request = session.next.device_challenges.find((c: { device_class: string }) => c.device_class === 'webauthn').challenge;
      await session.browser.submit(LOGIN, { webauthn: bobKey.assert(request) });
      return session;
    });
    const device = (await browser.request('GET', '/api/v3/authenticators/webauthn/')).body.results[0];
    const csrf = { 'x-csrftoken': browser.cookies.get('authmesh_csrf') ?? '' };
    expect((await browser.request('DELETE', `/api/v3/authenticators/webauthn/${device.pk}/`, undefined, csrf)).status).toBe(204);
    const passwordless = new FlowBrowser(proc.baseUrl);
    const request = (await passwordless.start(PASSWORDLESS)).device_challenges[0].challenge;
    const refused = await passwordless.submit(PASSWORDLESS, { webauthn: bobKey.assert(request) });
    expect(refused.challenge.response_errors.webauthn).toBeDefined();
  });
});
