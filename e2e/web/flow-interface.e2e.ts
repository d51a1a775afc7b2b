import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, REPO, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, screenshot, watchForProblems } from '../support/chromium.js';

const TOKEN = 'e2e-web-token-0123456789abcdef';
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(REPO, '..', 'shared', 'compat', 'authentik-2023.10');
const PASSWORD = 'web user password 1';
const LOGIN_PAGE = /\/if\/flow\/default-authentication-flow\//;

/** The web interface in real Chromium: login, logout, TOTP enrollment and login with it, languages. */
describe('web interface in the browser', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-web-'));
    db = await createTestDatabase('authmesh_e2e_web');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-web-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'admin password 1',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', '/api/v3/flows/instances/default-authentication-flow/')).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const file = 'default/flow-default-authenticator-totp-setup.yaml';
    const created = await api('POST', '/api/v3/managed/blueprints/', { name: file, content: readFileSync(join(CORPUS, file), 'utf8') });
    expect((await api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`)).body.status).toBe('successful');
    for (const username of ['web-user', 'web-mfa']) {
      await api('POST', '/api/v3/core/users/', { username, name: `Web ${username}`, email: `${username}@example.com` });
      const user = (await api('GET', `/api/v3/core/users/?username=${username}`)).body.results[0];
      await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: PASSWORD });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(locale = 'en-US', colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchForProblems(page) };
  }

  /** Username, then password, on the default authentication flow page. */
  async function logIn(page: Page, username: string, password: string) {
    await page.getByLabel('Username or e-mail').fill(username);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('logs in through the flow page: a wrong password shows the message beside the field, the right one lands on /if/user/', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${proc.baseUrl}/`);
    // Not logged in: / → /if/user/ → the brand's login flow, coming back to /if/user/.
    await page.waitForURL(LOGIN_PAGE);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/if/user/');
    const uid = page.getByLabel('Username or e-mail');
    await expect(isFocused(page, uid)).resolves.toBe(true);
    expect(await uid.getAttribute('autocomplete')).toBe('username');
    // The brand's logo (the default one ships with the build) is shown and loads.
    const logo = page.locator('img.pf-v6-c-brand');
    await logo.waitFor();
    await page.waitForFunction(() => (document.querySelector('img.pf-v6-c-brand') as HTMLImageElement | null)?.complete === true);
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, 'login-identification');

    await uid.fill('web-user');
    await page.getByRole('button', { name: 'Log in' }).click();
    const password = page.getByLabel(/^Password/);
    await password.waitFor();
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    // Password managers find the username beside the password field.
    expect(await page.locator('input[autocomplete="username"]').inputValue()).toBe('web-user');
    await expect(isFocused(page, password)).resolves.toBe(true);
    await password.fill('not the password');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Invalid password').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    // What was typed stays, so the user can correct it.
    expect(await password.inputValue()).toBe('not the password');
    await screenshot(page, 'login-wrong-password');

    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${proc.baseUrl}/if/user/`);
    await page.getByText('You are logged in as web-user.').waitFor();
    expect(await page.getByTestId('whoami').textContent()).toBe('Web web-user');
    await screenshot(page, 'user-interface');
    expect(problems).toEqual([]);
  });

  it('logs out through the invalidation flow, after which the user interface asks to log in again', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${proc.baseUrl}/if/user/`);
    await page.waitForURL(LOGIN_PAGE);
    await logIn(page, 'web-user', PASSWORD);
    await page.waitForURL(`${proc.baseUrl}/if/user/`);
    await page.getByRole('link', { name: 'Log out' }).click();
    await page.waitForURL(LOGIN_PAGE);
    const me = await page.evaluate(async () => (await fetch('/api/v3/core/users/me/')).status);
    expect([401, 403]).toContain(me);
    expect(problems).toEqual([]);
  });

  it('enrolls TOTP in the browser from the secret shown, then asks for a code at the next login', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${proc.baseUrl}/if/user/`);
    await page.waitForURL(LOGIN_PAGE);
    await logIn(page, 'web-mfa', PASSWORD);
    await page.waitForURL(`${proc.baseUrl}/if/user/`);

    await page.goto(`${proc.baseUrl}/if/flow/default-authenticator-totp-setup/`);
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').locator('input').inputValue()).trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    await screenshot(page, 'totp-setup');
    const code = page.getByRole('textbox', { name: /^Code/ });
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await code.fill(totp.generate() === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Code does not match').waitFor();
    await code.fill(totp.generate());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(`${proc.baseUrl}/if/user/`);
    const devices = await api('GET', '/api/v3/authenticators/admin/totp/');
    expect(devices.body.results).toEqual([expect.objectContaining({ confirmed: true })]);
    // The user interface's MFA tab lists the new device; renaming it there goes through the API with the CSRF token.
    await page.goto(`${proc.baseUrl}/if/user/#/settings/mfa`);
    await page.getByRole('cell', { name: 'Authenticator app', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Rename / }).click();
    await page.getByLabel('New name').fill('My phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'My phone', exact: true }).waitFor();
    await screenshot(page, 'user-mfa-devices');
    expect((await api('GET', '/api/v3/authenticators/admin/totp/')).body.results[0].name).toBe('My phone');

    await page.getByRole('link', { name: 'Log out' }).click();
    await page.waitForURL(LOGIN_PAGE);
    await logIn(page, 'web-mfa', PASSWORD);
    const asked = page.getByRole('textbox', { name: /^Code/ });
    await asked.waitFor();
    await page.getByText('Enter the code from your authenticator app.').waitFor();
    await screenshot(page, 'login-totp');
    // The enrollment code's time step is spent; wait for a fresh one.
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    await asked.fill(totp.generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(`${proc.baseUrl}/if/user/`);
    await page.getByText('You are logged in as web-mfa.').waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it('follows the browser language, and the language picker switches the text and is remembered', async () => {
    const german = await newPage('de-DE');
    await german.page.goto(`${proc.baseUrl}/if/flow/default-authentication-flow/`);
    await german.page.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(await german.page.locator('html').getAttribute('lang')).toBe('de');

    const { page, problems } = await newPage('en-US');
    await page.goto(`${proc.baseUrl}/if/flow/default-authentication-flow/`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await page.getByLabel("Nom d'utilisateur ou e-mail").count()).toBe(1);
    await screenshot(page, 'login-french');
    await page.reload();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await page.getByLabel('Langue').selectOption('zh-TW');
    await page.getByRole('button', { name: '登入' }).waitFor();
    expect(problems).toEqual([]);
  });

  it("uses PatternFly's dark theme when the system prefers dark", async () => {
    const dark = await newPage('en-US', 'dark');
    await dark.page.goto(`${proc.baseUrl}/if/flow/default-authentication-flow/`);
    await dark.page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await dark.page.locator('html').getAttribute('class')).toContain('pf-v6-theme-dark');
    await screenshot(dark.page, 'login-dark');
    const light = await newPage('en-US', 'light');
    await light.page.goto(`${proc.baseUrl}/if/flow/default-authentication-flow/`);
    await light.page.getByRole('button', { name: 'Log in' }).waitFor();
    expect((await light.page.locator('html').getAttribute('class')) ?? '').not.toContain('pf-v6-theme-dark');
    expect(dark.problems).toEqual([]);
  });

  it('shows an unknown flow as an error page, not a blank one', async () => {
    const { page } = await newPage();
    await page.goto(`${proc.baseUrl}/if/flow/no-such-flow/`);
    await page.getByText('This page does not exist.').waitFor();
    await screenshot(page, 'flow-not-found');
  });
});

function isFocused(page: Page, locator: ReturnType<Page['getByLabel']>): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}
