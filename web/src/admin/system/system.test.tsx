import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { propertyMappingResource } from '../providers/property-mappings';
import { blueprintResource } from './blueprints';
import { brandResource } from './brands';
import { certificateResource } from './certificates';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const PAIR = '22222222-2222-4222-8222-222222222222';
const pair = (extra: Record<string, unknown> = {}) => ({
  pk: PAIR,
  name: 'Signing',
  fingerprint_sha256: 'AA:BB',
  fingerprint_sha1: 'CC:DD',
  cert_expiry: '2030-01-01T00:00:00.000Z',
  cert_subject: 'CN=id.example.com',
  private_key_available: true,
  private_key_type: 'rsa',
  certificate_download_url: `/api/v3/crypto/certificatekeypairs/${PAIR}/view_certificate/?download`,
  private_key_download_url: `/api/v3/crypto/certificatekeypairs/${PAIR}/view_private_key/?download`,
  managed: null,
  ...extra,
});

afterEach(() => {
  window.location.hash = '';
});

describe('certificates', () => {
  it('generates a pair from the list and opens it; refused input shows beside its field', async () => {
    const user = userEvent.setup();
    const posted: unknown[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST' && request.url.pathname === '/api/v3/crypto/certificatekeypairs/generate') {
        posted.push(request.body);
        return posted.length === 1 ? json(400, { validity_days: ['Ensure this value is at most 36500.'] }) : json(201, pair());
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={certificateResource} route={parseHash('#/crypto/certificates')} />);
    await user.click(await screen.findByRole('button', { name: 'Generate' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Common Name/ }), 'id.example.com');
    const days = within(dialog).getByRole('spinbutton', { name: /^Validity days/ });
    await user.clear(days);
    await user.type(days, '99999');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(dialog).findByText('Ensure this value is at most 36500.')).toBeTruthy();
    expect(posted[0]).toEqual({ common_name: 'id.example.com', subject_alt_name: '', validity_days: 99999, alg: 'rsa' });
    await user.clear(days);
    await user.type(days, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/crypto/certificates/${PAIR}`));
  });

  it('shows fingerprints on the detail page, the PEM, and download links (the key only when there is one)', async () => {
    const user = userEvent.setup();
    let withKey = true;
    fakeServer.reply = (request) => {
      if (request.url.pathname.endsWith('/view_certificate'))
        return json(200, { data: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' });
      return json(200, pair({ private_key_available: withKey }));
    };
    const { unmount } = renderWithI18n(<ResourceDetail resource={certificateResource} id={PAIR} />);
    expect(await screen.findByText('AA:BB')).toBeTruthy();
    expect(screen.getByText('CN=id.example.com')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download Certificate' }).getAttribute('href')).toContain('/view_certificate/?download');
    expect(screen.getByRole('link', { name: 'Download Private key' }).getAttribute('href')).toContain('/view_private_key/?download');
    await user.click(screen.getByRole('tab', { name: 'Certificate' }));
    expect(await screen.findByText(/BEGIN CERTIFICATE/)).toBeTruthy();
    unmount();
    withKey = false;
    renderWithI18n(<ResourceDetail resource={certificateResource} id={PAIR} />);
    expect(await screen.findByRole('link', { name: 'Download Certificate' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download Private key' })).toBeNull();
  });

  it('never sends an empty private key when editing, so the stored key stays', async () => {
    const user = userEvent.setup();
    let patched: Record<string, unknown> | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        patched = request.body as Record<string, unknown>;
        return json(200, pair({ name: 'Renamed' }));
      }
      return json(200, pair({ certificate_data: '-----BEGIN CERTIFICATE-----' }));
    };
    renderWithI18n(<ResourceDetail resource={certificateResource} id={PAIR} />);
    await user.click(await screen.findByRole('tab', { name: 'Edit' }));
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patched).toBeDefined());
    expect(patched).toMatchObject({ name: 'Renamed' });
    expect(Object.keys(patched ?? {})).not.toContain('key_data');
  });
});

describe('blueprints', () => {
  const BP = '33333333-3333-4333-8333-333333333333';
  const instance = (extra: Record<string, unknown> = {}) => ({
    pk: BP,
    name: 'Default flows',
    path: 'default/flows.yaml',
    content: '',
    context: {},
    metadata: {},
    enabled: true,
    status: 'successful',
    last_applied: '2026-01-01T00:00:00.000Z',
    last_applied_hash: '',
    last_error: '',
    managed_models: [],
    ...extra,
  });

  it('creates an instance from a file the server offers', async () => {
    const user = userEvent.setup();
    let posted: unknown;
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/managed/blueprints/available')
        return json(200, [{ path: 'example/wiki.yaml', last_m: '', hash: '', meta: { name: 'Wiki example' } }]);
      if (request.method === 'POST') {
        posted = request.body;
        return json(201, instance({ name: 'Wiki', path: 'example/wiki.yaml' }));
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={blueprintResource} route={parseHash('#/blueprints/instances')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Wiki');
    expect(within(dialog).getByRole('textbox', { name: /^Content/ })).toBeTruthy();
    const path = within(dialog).getByRole('combobox', { name: /^Path/ });
    await waitFor(() => expect(within(path).getByRole('option', { name: 'example/wiki.yaml (Wiki example)' })).toBeTruthy());
    await user.selectOptions(path, 'example/wiki.yaml');
    // Content and a file exclude each other, so the content box goes away.
    expect(within(dialog).queryByRole('textbox', { name: /^Content/ })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted).toEqual({ name: 'Wiki', path: 'example/wiki.yaml', context: {}, enabled: true }));
  });

  it('applies an instance on demand and shows why it failed', async () => {
    const user = userEvent.setup();
    let applied = 0;
    fakeServer.reply = (request) => {
      if (request.url.pathname.endsWith('/apply')) {
        applied += 1;
        return json(200, instance({ status: 'error', last_error: 'flow "x" does not exist' }));
      }
      return json(200, instance(applied ? { status: 'error', last_error: 'flow "x" does not exist' } : {}));
    };
    renderWithI18n(<ResourceDetail resource={blueprintResource} id={BP} />);
    await user.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('flow "x" does not exist', { selector: '.pf-v6-c-alert__title, .pf-v6-c-alert__title *' })).toBeTruthy();
    expect(applied).toBe(1);
    expect(await screen.findByText('The last run failed; nothing it declared was changed.')).toBeTruthy();
  });
});

describe('property mappings', () => {
  it('lists every kind and creates a webhook mapping at its own endpoint', async () => {
    const user = userEvent.setup();
    let posted: { path: string; body: unknown } | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = { path: request.url.pathname, body: request.body };
        return json(201, { pk: '44444444-4444-4444-8444-444444444444', name: 'SMS body', expression: 'return {}', managed: null });
      }
      return json(
        200,
        page([
          { pk: 'a', name: 'OpenID', managed: 'goauthentik.io/providers/oauth2/scope-openid', component: 'ak-property-mapping-scope-form' },
          { pk: 'b', name: 'Gateway', managed: null, component: 'ak-property-mapping-notification-form' },
        ]),
      );
    };
    renderWithI18n(<ResourceList resource={propertyMappingResource} route={parseHash('#/core/property-mappings')} />);
    expect(await screen.findByText('Scope Mapping')).toBeTruthy();
    expect(screen.getByText('Webhook Mapping')).toBeTruthy();
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/propertymappings/all');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.click(await screen.findByRole('button', { name: 'Webhook Mapping' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('textbox', { name: /^Scope name/ })).toBeNull();
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'SMS body');
    await user.type(within(dialog).getByRole('textbox', { name: /^Expression/ }), 'return {{}');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(posted).toEqual({ path: '/api/v3/propertymappings/notification', body: { name: 'SMS body', expression: 'return {}' } }),
    );
    await waitFor(() => expect(window.location.hash).toBe('#/core/property-mappings/44444444-4444-4444-8444-444444444444'));
  });
});

describe('property mapping test', () => {
  const PK = '66666666-6666-4666-8666-666666666666';
  it('runs the expression for a chosen user and context, shows the result, and a refused user beside its field', async () => {
    const user = userEvent.setup();
    const tests: unknown[] = [];
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/propertymappings/all/' + PK)
        return json(200, { pk: PK, name: 'Groups', component: 'ak-property-mapping-scope-form' });
      if (path === '/api/v3/propertymappings/scope/' + PK)
        return json(200, { pk: PK, name: 'Groups', scope_name: 'groups', description: '', expression: 'return {}', managed: null });
      if (path === '/api/v3/core/users') return json(200, page([{ pk: 3, username: 'alice' }]));
      if (path === `/api/v3/propertymappings/all/${PK}/test`) {
        tests.push(request.body);
        return tests.length === 1 ? json(400, { user: ['No such user.'] }) : json(200, { successful: false, result: 'boom: no groups' });
      }
      return json(404, {});
    };
    renderWithI18n(<ResourceDetail resource={propertyMappingResource} id={PK} />);
    await user.click(await screen.findByRole('tab', { name: 'Test' }));
    const who = await screen.findByRole('combobox', { name: 'As user' });
    await waitFor(() => expect(within(who).getByRole('option', { name: 'alice' })).toBeTruthy());
    await user.selectOptions(who, '3');
    const context = screen.getByRole('textbox', { name: 'Context' });
    await user.clear(context);
    await user.type(context, 'not json');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('This is not valid JSON.')).toBeTruthy();
    expect(tests).toHaveLength(0);
    await user.clear(context);
    await user.type(context, '{{"extra": 1}');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('No such user.')).toBeTruthy();
    expect(tests[0]).toEqual({ user: 3, context: { extra: 1 } });
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('The expression failed:')).toBeTruthy();
    expect(screen.getByText('boom: no groups')).toBeTruthy();
  });
});

describe('brands', () => {
  it('offers only flows of the matching designation for each flow field', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/flows/instances') {
        const designation = request.url.searchParams.get('designation');
        return json(200, page([{ pk: `flow-${designation}`, name: `A ${designation} flow`, slug: designation }]));
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={brandResource} route={parseHash('#/core/brands')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    const recovery = within(dialog).getByRole('combobox', { name: /^Recovery flow/ });
    await waitFor(() => expect(within(recovery).getByRole('option', { name: 'A recovery flow (recovery)' })).toBeTruthy());
    expect(within(recovery).queryByRole('option', { name: /authentication/ })).toBeNull();
    const settings = within(dialog).getByRole('combobox', { name: /^User settings flow/ });
    expect(within(settings).getByRole('option', { name: 'A stage_configuration flow (stage_configuration)' })).toBeTruthy();
  });

  it('keeps empty flow fields empty (null) when saving a brand, and sends attributes as JSON', async () => {
    const user = userEvent.setup();
    let patched: Record<string, unknown> | undefined;
    const brand = {
      brand_uuid: '55555555-5555-4555-8555-555555555555',
      domain: 'example.com',
      default: true,
      branding_title: 'authmesh',
      branding_logo: '/logo.svg',
      branding_favicon: '/favicon.png',
      flow_authentication: 'flow-authentication',
      flow_invalidation: null,
      flow_recovery: null,
      flow_unenrollment: null,
      flow_user_settings: null,
      flow_device_code: null,
      event_retention: 'days=365',
      web_certificate: null,
      attributes: { settings: { locale: 'de' } },
    };
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        patched = request.body as Record<string, unknown>;
        return json(200, { ...brand, ...patched });
      }
      if (request.url.pathname === '/api/v3/flows/instances') {
        const designation = request.url.searchParams.get('designation');
        return json(200, page([{ pk: `flow-${designation}`, name: designation, slug: designation }]));
      }
      return json(200, brand);
    };
    renderWithI18n(<ResourceDetail resource={brandResource} id={brand.brand_uuid} />);
    await user.click(await screen.findByRole('tab', { name: 'Edit' }));
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'Example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patched).toBeDefined());
    expect(patched).toMatchObject({
      branding_title: 'Example',
      flow_authentication: 'flow-authentication',
      flow_recovery: null,
      web_certificate: null,
      attributes: { settings: { locale: 'de' } },
    });
  });
});
