import type { Page } from 'playwright-core';
import { type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot } from '../support/chromium.js';
import { startAdminBrowser, type AdminBrowser } from './admin-browser.js';

/** The admin's directory and policy pages in real Chromium: objects made through the forms are listed and usable. */
describe('admin directory and policies in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let api: AdminBrowser['api'];
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await startAdminBrowser('admin-directory', 900);
    ({ proc, api, page, problems } = session);
    await session.logInAsAdmin();
  });

  afterAll(() => session?.stop());

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
