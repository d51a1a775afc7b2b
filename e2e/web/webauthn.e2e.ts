import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, screenshot, watchForProblems } from '../support/chromium.js';

const TOKEN = 'e2e-web-webauthn-token-0123456789abcdef';
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(REPO, '..', 'shared', 'compat', 'authentik-2023.10');
const PASSWORD = 'key user password 1';

/** The part of `/api/v3/core/users/me/` these tests read. */
interface CurrentUser {
  user: { username: string };
}

/**
 * WebAuthn in real Chromium with a virtual authenticator (Chrome DevTools Protocol):
 * register a passkey through the setup flow, use it as the second factor, then log in with
 * it alone through the passwordless flow. The pages are opened as http://localhost:<port>
 * because browsers refuse an IP address as the relying party id.
 */
describe('WebAuthn in the browser', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let cdp: CDPSession;
  let authenticatorId: string;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-web-webauthn-'));
    db = await createTestDatabase('authmesh_e2e_web_webauthn');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-web-webauthn-secret-key-long-enough-01',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin password 1',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    origin = proc.baseUrl.replace('127.0.0.1', 'localhost');
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', '/api/v3/flows/instances/default-authentication-flow/')).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const blueprints: Array<[string, string]> = [
      ['webauthn setup', join(CORPUS, 'default', 'flow-default-authenticator-webauthn-setup.yaml')],
      ['passwordless', join(REPO, 'blueprints', 'example', 'flows-passwordless.yaml')],
    ];
    for (const [name, file] of blueprints) {
      const created = await api('POST', '/api/v3/managed/blueprints/', { name, content: readFileSync(file, 'utf8') });
      expect((await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`)).body.status).toBe('successful');
    }
    await api('POST', '/api/v3/core/users/', { username: 'key-user', name: 'Key User', email: 'key-user@example.com' });
    const user = (await api('GET', '/api/v3/core/users/?username=key-user')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });

    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchForProblems(page);
    // One virtual platform authenticator for the whole test: it keeps the passkey between logins.
    cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function logInWithPassword() {
    await page.goto(`${origin}/if/flow/default-authentication-flow/?next=%2Fif%2Fuser%2F`);
    await page.getByLabel('Username or e-mail').fill('key-user');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  async function logOut() {
    await page.goto(`${origin}/if/flow/default-invalidation-flow/`);
    await page.waitForURL(/\/if\/flow\/default-authentication-flow\//);
  }

  it('registers a passkey through the setup flow page', async () => {
    await logInWithPassword();
    await page.waitForURL(/\/if\/user\//);
    await page.goto(`${origin}/if/flow/default-authenticator-webauthn-setup/`);
    await page.getByRole('button', { name: 'Register a security key' }).click();
    await page.waitForURL((url) => !url.pathname.includes('webauthn-setup'));
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    const devices = (await api('GET', '/api/v3/authenticators/admin/webauthn/')).body.results;
    expect(devices).toEqual([expect.objectContaining({ type: 'webauthn', confirmed: true })]);
    await screenshot(page, 'webauthn-registered');
    expect(problems).toEqual([]);
  });

  it('asks for the passkey after the password and logs in with it', async () => {
    await logOut();
    await logInWithPassword();
    await page.getByRole('button', { name: 'Use my security key' }).click();
    await page.waitForURL(/\/if\/user\//);
    const me = await page.evaluate(async () => (await (await fetch('/api/v3/core/users/me/')).json()) as CurrentUser);
    expect(me.user.username).toBe('key-user');
    expect(problems).toEqual([]);
  });

  it('logs in with the passkey alone through the passwordless flow', async () => {
    await logOut();
    await page.goto(`${origin}/if/flow/default-passwordless-flow/?next=%2Fif%2Fuser%2F`);
    await page.getByRole('button', { name: 'Use my security key' }).click();
    await page.waitForURL(/\/if\/user\//);
    const me = await page.evaluate(async () => (await (await fetch('/api/v3/core/users/me/')).json()) as CurrentUser);
    expect(me.user.username).toBe('key-user');
    await screenshot(page, 'webauthn-passwordless');
    expect(problems).toEqual([]);
  });

  it('signs in with the passkey offered in the login page autofill when the identification stage offers passkeys', async () => {
    const identification = (await api('GET', '/api/v3/stages/identification/?name=default-authentication-identification')).body.results[0];
    const validation = (await api('GET', '/api/v3/stages/authenticator/validate/?name=default-passwordless-validation')).body.results[0];
    // Logged out first, and away from the login page logging out lands on: had that page already
    // offered passkeys, its own autofill would answer too (the virtual authenticator answers at once).
    await logOut();
    await page.goto('about:blank');
    expect((await api('PATCH', `/api/v3/stages/identification/${identification.pk}/`, { webauthn_stage: validation.pk })).status).toBe(200);
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/executor/default-authentication-flow'))
        posted.push(request.postData() ?? '');
    });
    // The page asks for a passkey in the username field's autofill (conditional mediation); the
    // virtual authenticator answers it the way a user picking the suggestion would.
    await page.goto(`${origin}/if/flow/default-authentication-flow/?next=%2Fif%2Fuser%2F`);
    await page.waitForURL(/\/if\/user\//);
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0])).toHaveProperty('passkey');
    const me = await page.evaluate(async () => (await (await fetch('/api/v3/core/users/me/')).json()) as CurrentUser);
    expect(me.user.username).toBe('key-user');
    expect(problems).toEqual([]);
  });
});
