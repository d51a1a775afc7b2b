import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, screenshot, watchForProblems } from '../support/chromium.js';

const TOKEN = 'e2e-device-browser-token-0123456789abcdef';
const PASSWORD = 'e2e device browser password 1';
const CONSENT = 'default-provider-authorization-explicit-consent';

/**
 * The device authorization grant as a person does it: a device (openid-client) shows a
 * code and the verification URI; the person opens it in real Chromium, logs in, types the
 * code on the flow page, allows the application, and the device's polling gets tokens.
 */
describe('device code entry in the browser', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let device: oidc.Configuration;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-device-browser-'));
    db = await createTestDatabase('authmesh_e2e_device_browser');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-device-browser-secret-key-long-enough-0',
        AUTHMESH_BOOTSTRAP_PASSWORD: PASSWORD,
        AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    const api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const scopes = (await api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results.map(
      (m: { pk: string }) => m.pk,
    );
    const provider = await api('POST', '/api/v3/providers/oauth2/', {
      name: 'Television',
      authorization_flow: (await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).body.pk,
      redirect_uris: [],
      property_mappings: scopes,
      sub_mode: 'user_username',
    });
    expect(provider.status).toBe(201);
    const app = await api('POST', '/api/v3/core/applications/', { name: 'Television', slug: 'tv', provider: provider.body.pk });
    expect(app.status).toBe(201);
    device = await oidc.discovery(
      new URL(`${proc.baseUrl}/application/o/tv/`),
      provider.body.client_id,
      provider.body.client_secret,
      undefined,
      { execute: [oidc.allowInsecureRequests] },
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in, takes the typed code (a wrong one is refused beside the field), asks for consent, and connects the device', async () => {
    const grant = await oidc.initiateDeviceAuthorization(device, { scope: 'openid email' });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);

    await page.goto(grant.verification_uri);
    await page.waitForURL(/\/if\/flow\/default-authentication-flow\//);
    await page.getByLabel('Username or e-mail').fill('akadmin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(/\/if\/flow\/default-device-code-flow\//);
    const field = page.getByLabel(/^Device code/);
    await field.fill('BCDF-GHJK');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#code-helper').getByText('This code is not valid, has expired or was already used.').waitFor();
    await screenshot(page, 'device-code-refused');

    await field.fill(grant.user_code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(new RegExp(`/if/flow/${CONSENT}/`));
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.getByText('Your device is now connected to Television.').waitFor();
    await screenshot(page, 'device-code-connected');

    const tokens = await oidc.pollDeviceAuthorizationGrant(device, grant);
    expect(tokens.claims()).toMatchObject({ sub: 'akadmin', email: 'root@example.com' });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
