import type { Page } from 'playwright-core';
import { type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot } from '../support/chromium.js';
import { startAdminBrowser, type AdminBrowser } from './admin-browser.js';

/** The admin's "Federation and Social login" pages in real Chromium, against the running system. */
describe('admin sources in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let api: AdminBrowser['api'];
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    session = await startAdminBrowser('admin-sources', 900);
    ({ proc, api, page, problems } = session);
    await session.logInAsAdmin();
  });

  afterAll(() => session?.stop());

  it('creates an OAuth source through the type picker with the type’s URLs filled in, and lists it', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/#/core/sources`);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OAuth Source' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Name/).fill('E2E GitHub');
    await form.getByLabel(/^Provider type/).selectOption('github');
    // The type's endpoints arrive from source_types a moment after the choice.
    const authorization = form.getByLabel(/^Authorization URL/);
    for (let i = 0; i < 50 && (await authorization.inputValue()) === ''; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await authorization.inputValue()).toBe('https://github.com/login/oauth/authorize');
    await form.getByLabel(/^Consumer key/).fill('e2e-client');
    await form.getByLabel(/^Consumer secret/).fill('e2e-secret-value');
    const flow = (await api('GET', '/api/v3/flows/instances/default-authentication-flow/')).body;
    await form.getByLabel(/^Authentication flow/).selectOption(flow.pk);
    await screenshot(page, 'admin-source-form');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/core\/sources\/e2e-github$/);
    await page.getByRole('heading', { name: 'E2E GitHub' }).waitFor();

    const source = (await api('GET', '/api/v3/sources/oauth/e2e-github/')).body;
    expect(source).toMatchObject({
      provider_type: 'github',
      consumer_key: 'e2e-client',
      consumer_secret_set: true,
      authorization_url: 'https://github.com/login/oauth/authorize',
      access_token_url: 'https://github.com/login/oauth/access_token',
      profile_url: 'https://api.github.com/user',
      request_token_url: null,
      authentication_flow: flow.pk,
    });

    await page.goto(`${proc.baseUrl}/if/admin/#/core/sources`);
    await page.getByText('E2E GitHub').waitFor();
    await screenshot(page, 'admin-sources');
    expect(problems).toEqual([]);
  });

  it('binds a user to the source on its policy bindings tab; no provider trusts its keys yet', async () => {
    const source = (await api('GET', '/api/v3/sources/all/e2e-github/')).body;
    const admin = (await api('GET', '/api/v3/core/users/?username=akadmin')).body.results[0];
    await page.goto(`${proc.baseUrl}/if/admin/#/core/sources/e2e-github`);
    await page.getByRole('tab', { name: 'Trusted by providers' }).click();
    await page.getByText('No OAuth2 provider trusts this source’s keys').waitFor();
    await page.getByRole('tab', { name: 'Policy bindings' }).click();
    await page.getByRole('button', { name: 'Create Policy binding' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^User/).selectOption(String(admin.pk));
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('tabpanel').getByText('akadmin').waitFor();
    const bindings = (await api('GET', `/api/v3/policies/bindings/?target=${source.pk}`)).body.results;
    expect(bindings).toEqual([expect.objectContaining({ target: source.pk, user: admin.pk })]);
    await screenshot(page, 'admin-source-policy-bindings');
    expect(problems).toEqual([]);
  });

  it('offers the source on the identification stage’s form and saves its id', async () => {
    const source = (await api('GET', '/api/v3/sources/all/e2e-github/')).body;
    const stage = (await api('GET', '/api/v3/stages/identification/')).body.results[0];
    await page.goto(`${proc.baseUrl}/if/admin/#/flow/stages/${stage.pk}`);
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByRole('group', { name: 'Sources' }).getByRole('checkbox', { name: 'E2E GitHub' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Changes saved.').waitFor();
    expect((await api('GET', `/api/v3/stages/identification/${stage.pk}/`)).body.sources).toEqual([source.pk]);
    expect(problems).toEqual([]);
  });
});
