import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot, SCREENSHOTS } from '../support/chromium.js';
import { ADMIN_PASSWORD, startAdminBrowser, type AdminBrowser } from './admin-browser.js';

interface EventJson {
  pk: string;
  action: string;
  user: { username?: string };
}

/** The admin's overview and event log in real Chromium, fed by the login that opened them. */
describe('admin dashboard and event log in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let api: AdminBrowser['api'];
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await startAdminBrowser('admin-dashboard', 1000);
    ({ proc, api, page, problems } = session);
  });

  afterAll(() => session?.stop());

  /** The login events of akadmin the log holds, newest first. */
  async function adminLogins(): Promise<EventJson[]> {
    const res = await api('GET', '/api/v3/events/events/?action=login&username=akadmin');
    return (res.body as { results: EventJson[] }).results;
  }

  it('opens on the overview, which shows the system status and the login that just happened', async () => {
    expect(await adminLogins()).toEqual([]);
    await page.goto(`${proc.baseUrl}/if/admin/`);
    await page.getByLabel('Username or e-mail').fill('akadmin');
    await page.getByRole('button', { name: 'Log in' }).click();
    // One wrong password first: the log gets a failed login to show.
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Invalid password').waitFor();
    await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/if\/admin\//);

    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    await page.getByText(/^(Healthy|Problems found)$/).waitFor();
    await page.getByText('No outposts configured').waitFor();

    // The event travels over the bus to the events service; the overview shows it once stored.
    let login: EventJson | undefined;
    for (let i = 0; i < 50 && !login; i++) {
      login = (await adminLogins())[0];
      if (!login) await new Promise((r) => setTimeout(r, 200));
    }
    expect(login).toBeDefined();
    const recent = page.getByRole('grid', { name: 'Recent events' });
    for (let i = 0; i < 20; i++) {
      if ((await recent.getByRole('link', { name: 'Login' }).count()) > 0) break;
      await page.reload();
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
      await page.waitForTimeout(300);
    }
    const link = recent.getByRole('row').filter({ hasText: 'akadmin' }).getByRole('link', { name: 'Login' });
    expect(await link.getAttribute('href')).toBe(`#/events/log/${login?.pk}`);
    await page
      .getByRole('img', { name: /^Logins and failed logins over the last week \(per 8 hours\): Logins: [1-9]\d* in total/ })
      .waitFor();
    await screenshot(page, 'admin-overview');
    await page.getByRole('grid', { name: 'Recent events' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-overview-charts.png') });
    expect(problems).toEqual([]);
  });

  it("lists the event in the log, filters by action and opens the event's page", async () => {
    const [login] = await adminLogins();
    await page.goto(`${proc.baseUrl}/if/admin/#/events/log`);
    await page.getByRole('heading', { name: 'Event Log' }).waitFor();
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Action: Login' });
    await page.waitForURL(/action=login/);
    const row = page.getByRole('row').filter({ hasText: 'akadmin' }).first();
    await row.waitFor();
    // A date range that ends before today leaves the login out; clearing it brings it back.
    await page.getByLabel('Created until').fill('2020-01-01');
    await page.waitForURL(/created__lte=2020-01-01/);
    await page.getByText('No objects found.').waitFor();
    await page.getByLabel('Created until').fill('');
    await row.waitFor();
    await screenshot(page, 'admin-event-log');
    await row.getByRole('link', { name: 'Login' }).click();

    await page.waitForURL(new RegExp(`#/events/log/${login.pk}$`));
    await page.getByRole('heading', { name: 'Login' }).waitFor();
    await page.getByRole('link', { name: 'akadmin' }).waitFor();
    await page.getByText('Event info').waitFor();
    await page
      .getByRole('heading', { name: 'Context' })
      .or(page.getByText('Context', { exact: true }))
      .first()
      .waitFor();
    await screenshot(page, 'admin-event-detail');
    expect(problems).toEqual([]);
  });

  it('shows why a login failed, and the user statistics', async () => {
    const failed = (await api('GET', '/api/v3/events/events/?action=login_failed')).body as { results: EventJson[] };
    expect(failed.results).toHaveLength(1);
    await page.goto(`${proc.baseUrl}/if/admin/#/events/log/${failed.results[0].pk}`);
    await page.getByRole('heading', { name: 'Failed login' }).waitFor();
    await page.getByText('The login failed: invalid credentials').waitFor();
    await page.getByText('Attempted to log in as').waitFor();
    await screenshot(page, 'admin-event-login-failed');

    await page.goto(`${proc.baseUrl}/if/admin/#/administration/dashboard/users`);
    await page.getByRole('heading', { name: 'User statistics' }).waitFor();
    await page.getByRole('img', { name: /^Logins per day in the last month: Logins: [1-9]\d* in total$/ }).waitFor();
    await page.getByRole('img', { name: /^Failed logins per day in the last month: Failed logins: 1 in total$/ }).waitFor();
    await screenshot(page, 'admin-user-statistics');
    expect(problems).toEqual([]);
  });
});
