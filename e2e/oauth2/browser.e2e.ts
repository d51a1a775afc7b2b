import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { launchChromium, screenshot, watchForProblems } from '../support/chromium.js';

const TOKEN = 'e2e-oauth2-browser-token-0123456789abcdef';
const PASSWORD = 'e2e oauth2 browser password 1';
const CONSENT = 'default-provider-authorization-explicit-consent';
const REDIRECT = 'https://rp.example.com/callback';

/**
 * An OpenID Connect login as a person does it: the relying party (openid-client) sends the
 * browser to authmesh, the person logs in and allows the application on the flow pages in
 * real Chromium, and the relying party redeems the code it receives.
 */
describe('OpenID Connect login in the browser', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let rp: oidc.Configuration;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-oauth2-browser-'));
    db = await createTestDatabase('authmesh_e2e_oauth2_browser');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-oauth2-browser-secret-key-long-enough-0',
        AUTHMESH_BOOTSTRAP_PASSWORD: PASSWORD,
        AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const scopes = (await api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results.map(
      (m: { pk: string }) => m.pk,
    );
    const provider = await api('POST', '/api/v3/providers/oauth2/', {
      name: 'Wiki',
      authorization_flow: (await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).body.pk,
      redirect_uris: [{ matching_mode: 'strict', url: REDIRECT }],
      property_mappings: scopes,
      sub_mode: 'user_username',
    });
    expect(provider.status).toBe(201);
    expect((await api('POST', '/api/v3/core/applications/', { name: 'Wiki', slug: 'wiki', provider: provider.body.pk })).status).toBe(201);
    rp = await oidc.discovery(
      new URL(`${proc.baseUrl}/application/o/wiki/`),
      provider.body.client_id,
      provider.body.client_secret,
      undefined,
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A page whose navigations to the relying party are answered here, recording the callback URL. */
  async function relyingPartyPage(): Promise<{ page: Page; callback: Promise<string>; problems: string[] }> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const callback = new Promise<string>((resolve) => {
      void page.route(`${REDIRECT}**`, async (route) => {
        resolve(route.request().url());
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'signed in' });
      });
    });
    return { page, callback, problems };
  }

  it('logs in, asks for consent on the flow page, and hands the relying party a code it redeems', async () => {
    const { page, callback, problems } = await relyingPartyPage();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(rp, {
      redirect_uri: REDIRECT,
      scope: 'openid email profile',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    await page.goto(url.href);

    await page.waitForURL(/\/if\/flow\/default-authentication-flow\//);
    await page.getByLabel('Username or e-mail').fill('akadmin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(new RegExp(`/if/flow/${CONSENT}/`));
    await page.getByRole('button', { name: 'Allow' }).waitFor();
    // The consent page names the application and what it will be able to see.
    const text = await page.textContent('body');
    expect(text).toContain('Redirecting to Wiki');
    expect(text).not.toContain('%(app)s');
    await screenshot(page, 'oauth2-consent');
    await page.getByRole('button', { name: 'Allow' }).click();

    const tokens = await oidc.authorizationCodeGrant(rp, new URL(await callback), { pkceCodeVerifier: verifier, expectedState: state });
    expect(tokens.claims()).toMatchObject({ sub: 'akadmin', email: 'root@example.com' });
    const info = await oidc.fetchUserInfo(rp, tokens.access_token, 'akadmin');
    expect(info).toMatchObject({ preferred_username: 'akadmin' });
    expect(problems).toEqual([]);
  });
});
