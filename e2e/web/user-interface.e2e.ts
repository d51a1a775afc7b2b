import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, screenshot, watchForProblems } from '../support/chromium.js';

const TOKEN = 'e2e-user-ui-token-0123456789abcdef';
const ADMIN_PASSWORD = 'admin password 1';
const PASSWORD = 'library user password 1';
const NEW_PASSWORD = 'a brand new password 2';
const LOGIN_PAGE = /\/if\/flow\/default-authentication-flow\//;

/** /if/user/ in real Chromium: the applications policies allow, changing the password, impersonation. */
describe('user interface in the browser', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let reader: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-user-ui-'));
    db = await createTestDatabase('authmesh_e2e_user_ui');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-user-ui-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD,
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', '/api/v3/flows/instances/default-password-change/')).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const staff = await api('POST', '/api/v3/core/groups/', { name: 'staff' });
    expect(staff.status).toBe(201);
    for (const [username, groups] of [
      ['reader', []],
      ['staffer', [staff.body.pk]],
    ] as const) {
      const user = await api('POST', '/api/v3/core/users/', { username, name: `The ${username}`, groups });
      expect(user.status).toBe(201);
      await api('POST', `/api/v3/core/users/${user.body.pk}/set_password/`, { password: PASSWORD });
      if (username === 'reader') reader = user.body.pk;
    }
    // An application for everyone, and one bound to the staff group.
    await api('POST', '/api/v3/core/applications/', {
      name: 'Team wiki',
      slug: 'team-wiki',
      group: 'Knowledge',
      meta_publisher: 'Docs team',
      meta_launch_url: '/if/user/#/settings/sessions',
    });
    const staffOnly = await api('POST', '/api/v3/core/applications/', {
      name: 'Payroll',
      slug: 'payroll',
      group: 'Finance',
      meta_launch_url: '/if/user/#/settings/consents',
    });
    const binding = await api('POST', '/api/v3/policies/bindings/', { target: staffOnly.body.pk, group: staff.body.pk, order: 0 });
    expect(binding.status).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchForProblems(page) };
  }

  async function logIn(page: Page, username: string, password: string) {
    await page.goto(`${proc.baseUrl}/if/user/`);
    await page.waitForURL(LOGIN_PAGE);
    await page.getByLabel('Username or e-mail').fill(username);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${proc.baseUrl}/if/user/`);
  }

  it('lists through the API only the applications the policy engine allows each user', async () => {
    const slugsFor = async (username: string) => {
      const user = (await api('GET', `/api/v3/core/users/?username=${username}`)).body.results[0];
      const identifier = `${username}-e2e-api`;
      expect((await api('POST', '/api/v3/core/tokens/', { identifier, intent: 'api', user: user.pk, expiring: false })).status).toBe(201);
      const key = (await api('GET', `/api/v3/core/tokens/${identifier}/view_key/`)).body.key as string;
      const listed = await apiClient(proc.baseUrl, key)('GET', '/api/v3/core/applications/');
      expect(listed.status).toBe(200);
      return listed.body.results.map((a: { slug: string }) => a.slug);
    };
    expect(await slugsFor('reader')).toEqual(['team-wiki']);
    expect(await slugsFor('staffer')).toEqual(['payroll', 'team-wiki']);
    // The admin's own library follows the same policies; the admin list has everything.
    expect((await api('GET', '/api/v3/core/applications/?for_user=me')).body.results.map((a: { slug: string }) => a.slug)).toEqual([
      'team-wiki',
    ]);
    expect((await api('GET', '/api/v3/core/applications/')).body.results).toHaveLength(2);
  });

  it('shows a user only the applications their policies allow, and launches one', async () => {
    const { page, problems } = await newPage();
    await logIn(page, 'reader', PASSWORD);
    await page.getByRole('heading', { name: 'My applications' }).waitFor();
    const wiki = page.getByRole('link', { name: 'Team wiki' });
    await wiki.waitFor();
    expect(await page.getByRole('region', { name: 'Knowledge' }).getByText('Docs team').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Payroll' }).count()).toBe(0);
    await screenshot(page, 'user-library');
    await wiki.click();
    await page.waitForURL(`${proc.baseUrl}/if/user/#/settings/sessions`);
    await page.getByText('This browser').waitFor();
    await screenshot(page, 'user-sessions');
    expect(problems).toEqual([]);

    const staff = await newPage();
    await logIn(staff.page, 'staffer', PASSWORD);
    await staff.page.getByRole('link', { name: 'Payroll' }).waitFor();
    expect(await staff.page.getByRole('link', { name: 'Team wiki' }).count()).toBe(1);
    expect(staff.problems).toEqual([]);
  });

  it('changes the password through the password-change flow, then logs in with the new one only', async () => {
    const { page, problems } = await newPage();
    await logIn(page, 'reader', PASSWORD);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Change password' }).click();
    await screenshot(page, 'user-settings-password');
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.waitForURL(/\/if\/flow\/default-password-change\//);
    await page.locator('[data-component]:not([data-component="loading"])').waitFor();
    await screenshot(page, 'user-password-change-flow');
    await page.getByPlaceholder('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByPlaceholder('Password (repeat)', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${proc.baseUrl}/if/user/#/settings/password`);
    await page.getByRole('link', { name: 'Log out' }).click();
    await page.waitForURL(LOGIN_PAGE);

    await page.getByLabel('Username or e-mail').fill('reader');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Invalid password').waitFor();
    await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${proc.baseUrl}/if/user/`);
    await page.getByText('You are logged in as reader.').waitFor();
    expect(problems).toEqual([]);
  });

  it('edits the user details through the user-settings flow embedded in the settings page', async () => {
    const { page, problems } = await newPage();
    await logIn(page, 'staffer', PASSWORD);
    await page.goto(`${proc.baseUrl}/if/user/#/settings/details`);
    const name = page.getByPlaceholder('Name', { exact: true });
    await name.waitFor();
    expect(await name.inputValue()).toBe('The staffer');
    await name.fill('Stella Staffer');
    await page.getByPlaceholder('Email', { exact: true }).fill('stella@example.com');
    await page.locator('select[name="attributes.settings.locale"]').selectOption('en');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Your details were saved.').waitFor();
    // Still on the settings page, and the flow started again with the saved value.
    expect(page.url()).toBe(`${proc.baseUrl}/if/user/#/settings/details`);
    await page.waitForFunction(
      () => (document.querySelector('input[placeholder="Name"]') as HTMLInputElement | null)?.value === 'Stella Staffer',
    );
    await screenshot(page, 'user-settings-details');
    const users = await api('GET', '/api/v3/core/users/?username=staffer');
    expect(users.body.results[0].name).toBe('Stella Staffer');
    expect(problems).toEqual([]);
  });

  it('shows the impersonation banner to an admin acting as a user, and stopping returns to the admin', async () => {
    const { page, problems } = await newPage();
    await logIn(page, 'akadmin', ADMIN_PASSWORD);
    const status = await page.evaluate(async (pk) => {
      const csrf = /(?:^|; )authmesh_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(`/api/v3/core/users/${pk}/impersonate/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrftoken': decodeURIComponent(csrf) },
        body: JSON.stringify({ reason: 'e2e' }),
      });
      return response.status;
    }, reader);
    expect(status).toBe(204);
    await page.goto(`${proc.baseUrl}/if/user/`);
    await page.getByText('You are impersonating reader (signed in as akadmin).').waitFor();
    expect(await page.getByTestId('whoami').textContent()).toBe('The reader');
    await screenshot(page, 'user-impersonation');
    await page.getByRole('button', { name: 'Stop impersonation' }).click();
    await page.waitForURL(/\/if\/admin\//);
    const me = await page.evaluate(
      async () => (await (await fetch('/api/v3/core/users/me/')).json()) as { user: { username: string }; original?: unknown },
    );
    expect(me.user.username).toBe('akadmin');
    expect(me.original).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
