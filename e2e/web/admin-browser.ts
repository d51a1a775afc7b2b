import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, watchForProblems } from '../support/chromium.js';

/** The bootstrap admin's password in the admin e2e tests. */
export const ADMIN_PASSWORD = 'admin password 1';

/** A running system with its bootstrap admin, and a Chromium page to drive it. */
export interface AdminBrowser {
  proc: AuthmeshProcess;
  /** The API as the bootstrap admin's token. */
  api: ReturnType<typeof apiClient>;
  /** The bootstrap admin's API token. */
  token: string;
  /** A scratch folder, removed at stop. */
  dir: string;
  browser: Browser;
  page: Page;
  /** Console errors and failed requests the page has seen. */
  problems: string[];
  /** Logs the bootstrap admin in through the login flow and lands on the admin interface. */
  logInAsAdmin(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `authmesh start` on a fresh database (named after `name`), waits until the built-in
 * flows are there, and opens a Chromium page (English, the given height).
 */
export async function startAdminBrowser(name: string, height = 900): Promise<AdminBrowser> {
  const token = `e2e-${name}-token-0123456789abcdef`;
  const dir = mkdtempSync(join(tmpdir(), `authmesh-e2e-${name}-`));
  const db: TestDatabase = await createTestDatabase(`authmesh_e2e_${name.replace(/-/g, '_')}`);
  const proc = await startOnFreePorts(
    {
      DATABASE_URL: db.url,
      AUTHMESH_SECRET_KEY: `e2e-${name}-secret-key-long-enough-0123456789`,
      AUTHMESH_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD,
      AUTHMESH_BOOTSTRAP_TOKEN: token,
    },
    dir,
  );
  const api = apiClient(proc.baseUrl, token);
  // The built-in flows come from blueprints applied at start; wait for the last ones.
  for (const slug of ['default-authentication-flow', 'default-provider-authorization-implicit-consent']) {
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${slug}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  return {
    proc,
    api,
    token,
    dir,
    browser,
    page,
    problems,
    async logInAsAdmin() {
      await page.goto(`${proc.baseUrl}/if/flow/default-authentication-flow/?next=${encodeURIComponent('/if/admin/')}`);
      await page.getByLabel('Username or e-mail').fill('akadmin');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${proc.baseUrl}/if/admin/**`);
    },
    async stop() {
      await browser.close();
      await proc.stop('SIGTERM');
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
