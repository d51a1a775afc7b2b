import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FlowBrowser } from '@authmesh/testing';
import { REPO, type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot, watchForProblems } from '../support/chromium.js';
import { startAdminBrowser, type AdminBrowser } from './admin-browser.js';

const LOGIN = 'default-authentication-flow';

/**
 * In real Chromium: an admin makes a recovery link on a user's page, the user opens it in
 * another browser and sets a new password; the admin resets the reputation score a failed
 * login left on the reputation scores page.
 */
describe('admin recovery links and reputation scores in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let api: AdminBrowser['api'];
  let page: Page;
  let problems: string[];
  let rita = 0;

  /** A login through the executor API; answers the last challenge's component. */
  async function login(username: string, password: string): Promise<string> {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: username });
    return String((await browser.submit(LOGIN, { password })).challenge.component);
  }

  beforeAll(async () => {
    session = await startAdminBrowser('admin-recovery', 900);
    ({ proc, api, page, problems } = session);
    rita = (await api('POST', '/api/v3/core/users/', { username: 'e2e-rita', email: 'rita@example.com' })).body.pk;
    await api('POST', `/api/v3/core/users/${rita}/set_password/`, { password: 'Rita-old-secret-1' });
    const blueprint = await api('POST', '/api/v3/managed/blueprints/', {
      name: 'recover',
      content: readFileSync(join(REPO, 'blueprints/example/flows-recovery-email-verification.yaml'), 'utf8'),
    });
    await api('POST', `/api/v3/managed/blueprints/${blueprint.body.pk}/apply/`);
    const flow = (await api('GET', '/api/v3/flows/instances/default-recovery-flow/')).body;
    const brand = (await api('GET', '/api/v3/core/brands/')).body.results[0];
    await api('PATCH', `/api/v3/core/brands/${brand.brand_uuid}/`, { flow_recovery: flow.pk });
    await session.logInAsAdmin();
  });

  afterAll(() => session?.stop());

  it('creates a recovery link on the user page; the user sets a new password through it in another browser', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/identity/users/${rita}`);
    await page.getByRole('heading', { name: 'e2e-rita' }).waitFor();
    await page.getByRole('button', { name: 'Create recovery link' }).click();
    const dialog = page.getByRole('dialog');
    const field = dialog.getByRole('textbox', { name: 'Recovery link' });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toContain(`${proc.baseUrl}/if/flow/default-recovery-flow/?flow_token=`);
    await screenshot(page, 'admin-recovery-link');
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    const context = await session.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    try {
      const userPage = await context.newPage();
      const userProblems = watchForProblems(userPage);
      await userPage.goto(link);
      await userPage.getByLabel(/^Password \(repeat\)/).fill('Rita-new-secret-2');
      await userPage.getByLabel(/^Password\s*\*?$/).fill('Rita-new-secret-2');
      await userPage.getByRole('button', { name: 'Continue' }).click();
      await userPage.waitForURL((url) => !url.pathname.startsWith('/if/flow/'));
      expect(userProblems).toEqual([]);
    } finally {
      await context.close();
    }
    expect(await login('e2e-rita', 'Rita-new-secret-2')).toBe('xak-flow-redirect');
    expect(problems).toEqual([]);
  });

  it('e-mails through the picked stage from the user page, and shows in the dialog that the mail could not be sent', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/identity/users/${rita}`);
    await page.getByRole('button', { name: 'Email recovery link' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Email stage/ }).selectOption({ label: 'default-recovery-email' });
    await dialog.getByRole('button', { name: 'Send link' }).click();
    // No SMTP server listens in this test: the refusal is shown in the dialog.
    await dialog.getByText('The e-mail could not be sent. Try again in a moment.').waitFor();
    await screenshot(page, 'admin-recovery-email-refused');
    // The browser logs the refused request itself; nothing else may have gone wrong.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    problems.length = 0;
  });

  it('lists the score a failed login left and resets it after asking', async () => {
    expect(await login('e2e-rita', 'wrong password')).not.toBe('xak-flow-redirect');
    await page.goto(`${proc.baseUrl}/if/admin/#/policy/reputation`);
    await page.getByRole('link', { name: 'e2e-rita' }).waitFor();
    await screenshot(page, 'admin-reputation-scores');
    const row = page.getByRole('row').filter({ hasText: 'e2e-rita' });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('link', { name: 'e2e-rita' }).waitFor({ state: 'detached' });
    expect((await api('GET', '/api/v3/policies/reputation/scores/?identifier=e2e-rita')).body.pagination.count).toBe(0);
    expect(problems).toEqual([]);
  });
});
