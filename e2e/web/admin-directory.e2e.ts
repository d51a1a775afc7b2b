import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, screenshot, watchForProblems } from '../support/chromium.js';

const TOKEN = 'e2e-admin-dir-token-0123456789abcdef';
const ADMIN_PASSWORD = 'admin password 1';

/** The admin's directory and policy pages in real Chromium: objects made through the forms are listed and usable. */
describe('admin directory and policies in the browser', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-admin-dir-'));
    db = await createTestDatabase('authmesh_e2e_admin_dir');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-admin-dir-secret-key-long-enough-0123',
        AUTHMESH_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD,
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', '/api/v3/flows/instances/default-authentication-flow/')).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    problems = watchForProblems(page);
    await page.goto(`${proc.baseUrl}/if/admin/`);
    await page.getByLabel('Username or e-mail').fill('akadmin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/if\/admin\//);
  });

  afterAll(async () => {
    await browser?.close();
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(route: string) {
    await page.goto(`${proc.baseUrl}/if/admin/#${route}`);
  }

  it('creates a group and a user in it through the forms, and lists them', async () => {
    await open('/identity/groups');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const groupDialog = page.getByRole('dialog');
    await groupDialog.getByRole('textbox', { name: /^Name/ }).fill('e2e-ops');
    await groupDialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'e2e-ops' }).waitFor();

    await open('/identity/users');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const userDialog = page.getByRole('dialog');
    await userDialog.getByRole('textbox', { name: /^Username/ }).fill('e2e-ann');
    await userDialog.getByRole('textbox', { name: /^Name/ }).fill('Ann <b>E2E</b>');
    await userDialog.getByRole('checkbox', { name: 'e2e-ops' }).check();
    await userDialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'e2e-ann' }).waitFor();
    await page.getByRole('tab', { name: 'Groups' }).click();
    await page.getByRole('link', { name: 'e2e-ops' }).waitFor();
    await screenshot(page, 'admin-user-groups');

    await open('/identity/users?search=e2e');
    await page.getByRole('link', { name: 'e2e-ann' }).waitFor();
    // Names are text, never markup.
    await page.getByText('Ann <b>E2E</b>').waitFor();
    await screenshot(page, 'admin-users');
    const created = (await api('GET', '/api/v3/core/users/?username=e2e-ann')).body.results[0];
    expect(created.groups_obj.map((g: { name: string }) => g.name)).toEqual(['e2e-ops']);
    expect(problems).toEqual([]);
  });

  it('creates a token for the user and shows its key once asked', async () => {
    await open('/core/tokens');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Identifier/ }).fill('e2e-ann-api');
    await dialog.getByRole('combobox', { name: /^User/ }).selectOption({ label: 'e2e-ann' });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'e2e-ann-api' }).waitFor();
    await page.getByRole('button', { name: 'View the key of e2e-ann-api' }).click();
    const key = (await api('GET', '/api/v3/core/tokens/e2e-ann-api/view_key/')).body.key;
    expect(key).toMatch(/.{16,}/);
    await page.getByRole('dialog').getByRole('textbox', { name: 'Key' }).waitFor();
    expect(await page.getByRole('dialog').getByRole('textbox', { name: 'Key' }).inputValue()).toBe(key);
    await screenshot(page, 'admin-token-key');
    expect(problems).toEqual([]);
  });

  it('creates an expression policy through the type picker and tests it', async () => {
    await open('/policy/policies');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('button', { name: 'Expression Policy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('e2e-only-ann');
    await dialog.getByRole('textbox', { name: /^Expression/ }).fill('return request.user.username === "e2e-ann";');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'e2e-only-ann' }).waitFor();
    await page.getByText('This policy is not bound to anything.').waitFor();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const test = page.getByRole('dialog');
    await test.getByRole('combobox', { name: /^User/ }).selectOption({ label: 'e2e-ann' });
    await test.getByRole('button', { name: 'Run test' }).click();
    await test.getByText('Passing').waitFor();
    expect(await test.locator('.pf-v6-c-label').first().textContent()).toBe('Yes');
    await screenshot(page, 'admin-policy-test');

    await open('/policy/policies');
    await page.getByRole('link', { name: 'e2e-only-ann' }).waitFor();
    await page.getByText(/Cached results: \d+|Cache status unavailable/).waitFor();
    expect(problems).toEqual([]);
  });
});
