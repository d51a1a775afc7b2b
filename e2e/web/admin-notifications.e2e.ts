import type { Page } from 'playwright-core';
import { type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot } from '../support/chromium.js';
import { startAdminBrowser, type AdminBrowser } from './admin-browser.js';

/**
 * Notifications and background tasks in real Chromium against the running system: the admin
 * tests the local transport from its page, the bell counts the notification that arrives,
 * the drawer clears it; the system tasks page lists every service's tasks and runs one.
 */
describe('notifications and system tasks in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await startAdminBrowser('admin-notifications');
    ({ proc, page, problems } = session);
    await session.logInAsAdmin();
  });

  afterAll(() => session?.stop());

  it('tests a transport from its page; the bell counts the notification and the drawer clears it', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/events/transports`);
    await page.getByRole('heading', { name: 'Notification Transports' }).waitFor();
    await page.getByRole('link', { name: 'default-local-transport' }).click();
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText('The test notification was sent.').waitFor();

    // The bell refreshes when the page is shown again; a reload shows the count at once.
    await page.reload();
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    const drawer = page.getByRole('list', { name: 'Unread notifications' });
    await drawer.getByText('This is a test notification from authmesh.').waitFor();
    await screenshot(page, 'admin-notification-drawer');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByText('No unread notifications').waitFor();
    const emptied = page.getByRole('button', { name: 'Notifications, 0 unread' });
    await emptied.waitFor();
    // Escape closes the drawer and gives the focus back to the bell.
    await page.keyboard.press('Escape');
    await page.getByText('No unread notifications').waitFor({ state: 'hidden' });
    expect(await emptied.evaluate((bell) => bell === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('lists the notification rules the default blueprint made, with their group', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/events/rules`);
    await page.getByRole('heading', { name: 'Notification Rules' }).waitFor();
    await page.getByRole('link', { name: 'default-notify-exception' }).waitFor();
    await page.getByRole('link', { name: 'default-notify-update' }).waitFor();
    expect(problems).toEqual([]);
  });

  it("lists every service's background tasks and runs one on request", async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/administration/system_tasks`);
    await page.getByRole('heading', { name: 'System Tasks' }).waitFor();
    for (const task of ['blueprint_discovery', 'event_retention_purge', 'expired_executions_purge', 'expired_artifacts_purge']) {
      await page.getByText(task).first().waitFor();
    }
    const button = page.getByRole('button', { name: /^(Run now|Restart task): event_retention_purge$/ });
    await button.click();
    await page.getByText(/event_retention_purge was asked to run/).waitFor();
    await screenshot(page, 'admin-system-tasks');
    expect(problems).toEqual([]);
  });
});
