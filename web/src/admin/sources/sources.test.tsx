import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { stageResource } from '../flows/stage-resources';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { sourceResource } from './source-resource';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const SOURCE_PK = '7d3c1f0e-1111-4a2b-9c3d-222222222222';

const baseSource = {
  pk: SOURCE_PK,
  name: 'GitHub',
  slug: 'github',
  enabled: true,
  authentication_flow: null,
  enrollment_flow: null,
  component: 'ak-source-oauth-form',
  verbose_name: 'OAuth Source',
  verbose_name_plural: 'OAuth Sources',
  meta_model_name: 'authentik_sources_oauth.oauthsource',
  policy_engine_mode: 'any',
  user_matching_mode: 'email_link',
  managed: null,
  user_path_template: 'goauthentik.io/sources/%(slug)s',
  icon: null,
};

const oauthSource = {
  ...baseSource,
  provider_type: 'github',
  request_token_url: null,
  authorization_url: 'https://github.com/login/oauth/authorize',
  access_token_url: 'https://github.com/login/oauth/access_token',
  profile_url: 'https://api.github.com/user',
  consumer_key: 'client-id',
  consumer_secret_set: true,
  callback_url: 'https://id.example.com/source/oauth/callback/github/',
  additional_scopes: '',
  type: { slug: 'github', name: 'GitHub' },
  oidc_well_known_url: '',
  oidc_jwks_url: '',
  oidc_jwks: {},
};

const sourceTypes = [
  {
    slug: 'github',
    name: 'GitHub',
    urls_customizable: true,
    request_token_url: null,
    authorization_url: 'https://github.com/login/oauth/authorize',
    access_token_url: 'https://github.com/login/oauth/access_token',
    profile_url: 'https://api.github.com/user',
    oidc_well_known_url: null,
    oidc_jwks_url: null,
  },
  {
    slug: 'google',
    name: 'Google',
    urls_customizable: false,
    request_token_url: null,
    authorization_url: 'https://accounts.google.com/o/oauth2/auth',
    access_token_url: 'https://oauth2.googleapis.com/token',
    profile_url: 'https://www.googleapis.com/oauth2/v1/userinfo',
    oidc_well_known_url: 'https://accounts.google.com/.well-known/openid-configuration',
    oidc_jwks_url: 'https://www.googleapis.com/oauth2/v3/certs',
  },
];

const flows = [
  { pk: 'f-auth', name: 'Welcome', slug: 'default-source-authentication', designation: 'authentication' },
  { pk: 'f-enrol', name: 'Sign up', slug: 'default-source-enrollment', designation: 'enrollment' },
];

/** Answers the lookups every source form makes: provider types and flows filtered by designation. */
function lookups(request: SeenRequest): Response | undefined {
  const path = request.url.pathname;
  if (path === '/api/v3/sources/oauth/source_types') return json(200, sourceTypes);
  if (path === '/api/v3/flows/instances') {
    const designation = request.url.searchParams.get('designation');
    return json(200, page(flows.filter((flow) => flow.designation === designation)));
  }
  return undefined;
}

afterEach(() => {
  window.location.hash = '';
});

describe('admin sources', () => {
  it('lists sources of every type with their matching mode and warns about one without an authentication flow', async () => {
    fakeServer.reply = () =>
      json(200, page([baseSource, { ...baseSource, pk: 'p2', name: 'Ready', slug: 'ready', authentication_flow: 'f-auth' }]));
    renderWithI18n(<ResourceList resource={sourceResource} route={parseHash('#/core/sources')} />);
    expect(await screen.findByText('Ready')).toBeTruthy();
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/sources/all');
    expect(screen.getAllByText('OAuth Source')).toHaveLength(2);
    expect(screen.getAllByText(/^Link to the user with the same e-mail address/)).toHaveLength(2);
    expect(screen.getAllByText('This source has no authentication flow, so linked users cannot log in with it.')).toHaveLength(1);
  });

  it('creates an OAuth source through the type picker: the provider type fills the empty URLs, errors show beside their fields', async () => {
    const user = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return posted.length === 1
          ? json(400, { consumer_key: ['This client ID is not accepted.'] })
          : json(201, { ...oauthSource, provider_type: 'google', slug: 'my-google' });
      }
      return lookups(request) ?? json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={sourceResource} route={parseHash('#/core/sources')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const picker = await screen.findByRole('dialog');
    await user.click(within(picker).getByRole('button', { name: 'OAuth Source' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'My Google');
    // An URL the admin typed before picking the type stays.
    await user.type(within(dialog).getByRole('textbox', { name: /^Profile URL/ }), 'https://example.com/me');
    const providerType = within(dialog).getByRole('combobox', { name: /^Provider type/ });
    await within(providerType).findByRole('option', { name: 'Google' });
    await user.selectOptions(providerType, 'google');
    const authorization = within(dialog).getByRole('textbox', { name: /^Authorization URL/ }) as HTMLInputElement;
    await waitFor(() => expect(authorization.value).toBe('https://accounts.google.com/o/oauth2/auth'));
    expect((within(dialog).getByRole('textbox', { name: /^OIDC JWKS URL/ }) as HTMLInputElement).value).toBe(
      'https://www.googleapis.com/oauth2/v3/certs',
    );
    expect((within(dialog).getByRole('textbox', { name: /^Profile URL/ }) as HTMLInputElement).value).toBe('https://example.com/me');
    await user.type(within(dialog).getByRole('textbox', { name: /^Consumer key/ }), 'bad-id');
    await user.type(within(dialog).getByLabelText(/^Consumer secret/), 's3cret');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Authentication flow/ }), 'f-auth');
    const enrollment = within(dialog).getByRole('combobox', { name: /^Enrollment flow/ });
    expect(within(enrollment).queryByRole('option', { name: /Welcome/ })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const error = await within(dialog).findByText('This client ID is not accepted.');
    expect(error.closest('.pf-v6-c-form__group')?.querySelector('input')?.id).toBe('field-consumer_key');
    expect(posted[0].url.pathname).toBe('/api/v3/sources/oauth');
    expect(posted[0].body).toEqual({
      name: 'My Google',
      slug: 'my-google',
      enabled: true,
      user_matching_mode: 'identifier',
      user_path_template: 'goauthentik.io/sources/%(slug)s',
      policy_engine_mode: 'any',
      icon: null,
      provider_type: 'google',
      consumer_key: 'bad-id',
      consumer_secret: 's3cret',
      additional_scopes: '',
      authorization_url: 'https://accounts.google.com/o/oauth2/auth',
      access_token_url: 'https://oauth2.googleapis.com/token',
      profile_url: 'https://example.com/me',
      request_token_url: null,
      oidc_well_known_url: 'https://accounts.google.com/.well-known/openid-configuration',
      oidc_jwks_url: 'https://www.googleapis.com/oauth2/v3/certs',
      oidc_jwks: {},
      authentication_flow: 'f-auth',
      enrollment_flow: null,
    });

    const key = within(dialog).getByRole('textbox', { name: /^Consumer key/ });
    await user.clear(key);
    await user.type(key, 'good-id');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(window.location.hash).toBe('#/core/sources/my-google'));
  });

  it('switching the provider type replaces the previous type’s defaults but keeps URLs the admin typed', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => lookups(request) ?? json(200, page([]));
    renderWithI18n(<ResourceList resource={sourceResource} route={parseHash('#/core/sources')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'OAuth Source' }));
    const dialog = await screen.findByRole('dialog');
    const providerType = within(dialog).getByRole('combobox', { name: /^Provider type/ });
    await within(providerType).findByRole('option', { name: 'Google' });
    const field = (name: RegExp) => within(dialog).getByRole('textbox', { name }) as HTMLInputElement;
    await user.selectOptions(providerType, 'google');
    await waitFor(() => expect(field(/^OIDC JWKS URL/).value).toBe('https://www.googleapis.com/oauth2/v3/certs'));
    const token = field(/^Access token URL/);
    await user.clear(token);
    await user.type(token, 'https://proxy.example.com/token');
    await user.selectOptions(providerType, 'github');
    await waitFor(() => expect(field(/^Authorization URL/).value).toBe('https://github.com/login/oauth/authorize'));
    expect(field(/^Profile URL/).value).toBe('https://api.github.com/user');
    expect(field(/^OIDC JWKS URL/).value).toBe('');
    expect(field(/^OIDC Well-known URL/).value).toBe('');
    expect(field(/^Access token URL/).value).toBe('https://proxy.example.com/token');
  });

  it('edits a source with its type’s form and never sends the secret back unless a new one is typed', async () => {
    const user = userEvent.setup();
    const patched: unknown[] = [];
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (request.method === 'PATCH') {
        patched.push(request.body);
        return json(200, oauthSource);
      }
      if (path === '/api/v3/sources/all/github') return json(200, baseSource);
      if (path === '/api/v3/sources/oauth/github') return json(200, oauthSource);
      return lookups(request) ?? json(404, {});
    };
    renderWithI18n(<ResourceDetail resource={sourceResource} id="github" />);
    expect(await screen.findByRole('heading', { name: 'GitHub' })).toBeTruthy();
    expect(screen.getByText('https://id.example.com/source/oauth/callback/github/')).toBeTruthy();
    expect(screen.getByText('This source has no authentication flow, so linked users cannot log in with it.')).toBeTruthy();
    expect(screen.queryByText(/No consumer secret is stored/)).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    const secret = (await screen.findByLabelText(/^Consumer secret/)) as HTMLInputElement;
    expect(secret.value).toBe('');
    expect(secret.placeholder).not.toBe('');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0]).toMatchObject({ consumer_key: 'client-id', provider_type: 'github', request_token_url: null });
    expect(patched[0]).not.toHaveProperty('consumer_secret');
    await user.type(secret, 'rotated');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patched).toHaveLength(2));
    expect(patched[1]).toMatchObject({ consumer_secret: 'rotated' });
  });

  it('warns about a missing consumer secret and shows the OAuth2 providers that trust the source’s keys, from what uses it', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/sources/all/github/used_by')
        return json(200, [
          { app: 'authentik_providers_oauth2', model_name: 'oauth2provider', pk: '4', name: 'CI <runner>', action: 'cascade_many' },
          { app: 'authmesh_stages_identification', model_name: 'identificationstage', pk: 's1', name: 'login', action: 'cascade_many' },
        ]);
      if (path === '/api/v3/sources/all/github') return json(200, baseSource);
      if (path === '/api/v3/sources/oauth/github') return json(200, { ...oauthSource, consumer_secret_set: false });
      return json(200, page([]));
    };
    renderWithI18n(<ResourceDetail resource={sourceResource} id="github" />);
    expect(await screen.findByText('No consumer secret is stored, so the provider will refuse logins through this source.')).toBeTruthy();
    await user.click(await screen.findByRole('tab', { name: 'Trusted by providers' }));
    const list = await screen.findByRole('list', { name: 'Trusted by providers' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['CI <runner>']);
    await user.click(screen.getByRole('tab', { name: 'Policy bindings' }));
    await waitFor(() =>
      expect(
        fakeServer.requests.some((r) => r.url.pathname === '/api/v3/policies/bindings' && r.url.searchParams.get('target') === SOURCE_PK),
      ).toBe(true),
    );
  });

  it('lets the identification stage pick its sources from the list of sources and sends their ids', async () => {
    const user = userEvent.setup();
    let posted: SeenRequest | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = request;
        return json(400, { sources: ['Invalid pk.'] });
      }
      if (request.url.pathname === '/api/v3/sources/all')
        return json(200, page([baseSource, { ...baseSource, pk: 'other-pk', name: 'Google', slug: 'google' }]));
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={stageResource} route={parseHash('#/flow/stages')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Identification Stage' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'who');
    const sources = within(dialog).getByRole('group', { name: 'Sources' });
    await user.click(await within(sources).findByRole('checkbox', { name: 'GitHub' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Invalid pk.')).toBeTruthy();
    expect((posted?.body as { sources?: unknown }).sources).toEqual([SOURCE_PK]);
  });
});
