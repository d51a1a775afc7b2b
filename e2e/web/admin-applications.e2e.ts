import type { Page } from 'playwright-core';
import { type AuthmeshProcess } from '../support/authmesh-process.js';
import { screenshot } from '../support/chromium.js';
import { ADMIN_PASSWORD, startAdminBrowser, type AdminBrowser } from './admin-browser.js';

const LOGIN_PAGE = /\/if\/flow\/default-authentication-flow\//;

/** Issue 6: the bootstrap admin creates an OAuth2 provider and an application using it, in real Chromium. */
describe('admin interface: applications and providers in the browser', () => {
  let session: AdminBrowser;
  let proc: AuthmeshProcess;
  let api: AdminBrowser['api'];
  let page: Page;
  let problems: string[];
  let consentFlow: string;

  beforeAll(async () => {
    session = await startAdminBrowser('admin-apps', 1000);
    ({ proc, api, page, problems } = session);
    consentFlow = (await api('GET', '/api/v3/flows/instances/default-provider-authorization-implicit-consent/')).body.pk;
  });

  afterAll(() => session?.stop());

  async function openAdmin(route: string) {
    await page.goto(`${proc.baseUrl}/if/admin/#${route}`);
  }

  it('logs the bootstrap admin in and creates an OAuth2 provider through the type picker; the secret is shown once', async () => {
    await page.goto(`${proc.baseUrl}/if/admin/`);
    await page.waitForURL(LOGIN_PAGE);
    await page.getByLabel('Username or e-mail').fill('akadmin');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/if\/admin\//);

    await openAdmin('/core/providers');
    await page.getByRole('heading', { name: 'Providers' }).waitFor();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OAuth2/OpenID Provider' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Wiki SSO');
    const flow = form.getByRole('combobox', { name: /^Authorization flow/ });
    await flow.locator(`option[value="${consentFlow}"]`).waitFor({ state: 'attached' });
    await flow.selectOption(consentFlow);
    await form.getByRole('button', { name: 'Add a redirect URI' }).click();
    await form.getByRole('textbox', { name: 'Redirect URI 1' }).fill('https://wiki.example.com/callback');
    // A new provider starts with the built-in openid, email and profile scope mappings.
    for (const scope of ['openid', 'email', 'profile']) {
      const box = form.getByRole('checkbox', { name: new RegExp(`\\(${scope}\\)$`) });
      await page.waitForFunction((el) => (el as HTMLInputElement | null)?.checked === true, await box.elementHandle());
    }
    await form.getByRole('button', { name: 'Create', exact: true }).click();

    const notice = page.getByRole('dialog', { name: /created/ });
    await notice.getByText(/shown only this once/).waitFor();
    const secret = await notice.getByRole('textbox', { name: 'Client Secret' }).inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await notice.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/#\/core\/providers\/\d+$/);
    const pk = Number(new URL(page.url()).hash.split('/').pop());

    // What the browser created is what the API holds, secret included.
    const stored = await api('GET', `/api/v3/providers/oauth2/${pk}/`);
    expect(stored.body).toMatchObject({
      name: 'Wiki SSO',
      authorization_flow: consentFlow,
      client_type: 'confidential',
      redirect_uris: [{ matching_mode: 'strict', url: 'https://wiki.example.com/callback' }],
    });
    expect(stored.body.property_mappings).toHaveLength(3);
    expect((await api('GET', `/api/v3/providers/oauth2/${pk}/view_client_secret/`)).body.client_secret).toBe(secret);

    await page.getByRole('heading', { name: 'Wiki SSO' }).waitFor();
    await page.getByText('Not assigned to any application.').first().waitFor();
    await page.getByRole('tab', { name: 'Setup URLs' }).click();
    const token = page.getByRole('textbox', { name: 'Token URL' });
    await token.waitFor();
    expect(await token.inputValue()).toMatch(/\/application\/o\/token\/$/);
    await screenshot(page, 'admin-provider-detail');
  });

  it('creates an application that uses the provider, lists it, and shows a duplicate slug beside the field', async () => {
    const provider = (await api('GET', '/api/v3/providers/all/?search=Wiki%20SSO')).body.results[0];
    await openAdmin('/core/applications');
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    let form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Wiki');
    expect(await form.getByRole('textbox', { name: /^Slug/ }).inputValue()).toBe('wiki');
    const select = form.getByRole('combobox', { name: /^Provider/ });
    await select.locator(`option[value="${provider.pk}"]`).waitFor({ state: 'attached' });
    await select.selectOption(String(provider.pk));
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/core\/applications\/wiki$/);
    await page.getByRole('link', { name: 'Wiki SSO' }).waitFor();

    await openAdmin('/core/applications');
    const row = page.getByRole('row', { name: /Wiki/ });
    await row.getByRole('link', { name: 'Wiki', exact: true }).waitFor();
    expect(await row.textContent()).toContain('Wiki SSO');
    await screenshot(page, 'admin-applications-list');

    await page.getByRole('button', { name: 'Create', exact: true }).click();
    form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Wiki');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    const slug = form.getByRole('textbox', { name: /^Slug/ });
    await page.waitForFunction(() => document.querySelector('#field-slug')?.getAttribute('aria-invalid') === 'true');
    const message = await form.locator('.pf-v6-c-helper-text__item.pf-m-error').first().textContent();
    expect(message).toMatch(/slug/i);
    expect(await slug.inputValue()).toBe('wiki');
    await slug.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-application-duplicate-slug');
    expect((await api('GET', '/api/v3/core/applications/?slug=wiki')).body.pagination.count).toBe(1);

    // The provider is now used, so its warning is gone.
    await openAdmin('/core/providers');
    await page.getByRole('link', { name: 'Wiki SSO' }).waitFor();
    expect(await page.getByText('Not assigned to any application.').count()).toBe(0);
    // The browser logs the refused duplicate as a failed request; that one 400 is the point of the test.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    problems.length = 0;
  });

  it('generates a certificate, downloads it with the session, and edits the default brand through its form', async () => {
    await openAdmin('/crypto/certificates');
    await page.getByRole('heading', { name: 'Certificates' }).waitFor();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Common Name/ }).fill('wiki.example.com');
    await form.getByRole('spinbutton', { name: /^Validity days/ }).fill('30');
    await form.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForURL(/#\/crypto\/certificates\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'wiki.example.com' }).waitFor();
    await page.getByText('CN=wiki.example.com').waitFor();
    const href = await page.getByRole('link', { name: 'Download Certificate' }).getAttribute('href');
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url as string);
      return { status: res.status, disposition: res.headers.get('content-disposition'), text: await res.text() };
    }, href);
    expect(download.status).toBe(200);
    expect(download.disposition).toMatch(/^attachment; filename=".*certificate\.pem"$/);
    expect(download.text).toContain('BEGIN CERTIFICATE');
    await screenshot(page, 'admin-certificate-detail');

    const brand = (await api('GET', '/api/v3/core/brands/?default=true')).body.results[0];
    await openAdmin(`/core/brands/${brand.brand_uuid}`);
    await page.getByRole('tab', { name: 'Edit' }).click();
    const title = page.getByRole('textbox', { name: /^Title/ });
    await title.fill('Example Corp');
    const flow = (await api('GET', '/api/v3/flows/instances/default-authentication-flow/')).body.pk;
    const auth = page.getByRole('combobox', { name: /^Authentication flow/ });
    // Only authentication flows are offered here.
    await auth.locator(`option[value="${flow}"]`).waitFor({ state: 'attached' });
    const offered = await auth.locator('option').allTextContents();
    expect(offered.filter((label) => label.includes('(default-provider-authorization'))).toEqual([]);
    await auth.selectOption(flow);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Changes saved.').waitFor();
    const saved = (await api('GET', `/api/v3/core/brands/${brand.brand_uuid}/`)).body;
    expect(saved).toMatchObject({ branding_title: 'Example Corp', flow_authentication: flow, default: true, attributes: brand.attributes });
    await screenshot(page, 'admin-brand-edit');
  });

  it('lists property mappings of every kind and applies a blueprint on demand', async () => {
    await openAdmin('/core/property-mappings');
    await page.getByRole('heading', { name: 'Property Mappings' }).waitFor();
    await page
      .getByRole('row', { name: /\bScope Mapping\b/ })
      .first()
      .waitFor();
    await screenshot(page, 'admin-property-mappings');

    await openAdmin('/blueprints/instances');
    await page.getByRole('heading', { name: 'Blueprints' }).waitFor();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Inline group');
    await form
      .getByRole('textbox', { name: /^Content/ })
      .fill(
        'version: 1\nmetadata:\n  name: Inline group\nentries:\n  - model: authentik_core.group\n    identifiers:\n      name: blueprint-made\n',
      );
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/blueprints\/instances\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('The blueprint was applied.').waitFor();
    expect((await api('GET', '/api/v3/core/groups/?name=blueprint-made')).body.pagination.count).toBe(1);
    await screenshot(page, 'admin-blueprint-applied');
    expect(problems).toEqual([]);
  });
});
