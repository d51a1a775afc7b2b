import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { applicationResource } from '../areas/applications';
import { providerResource } from './providers';
import { RetiredKeys } from './retired-keys';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const FLOW = '11111111-1111-4111-8111-111111111111';

const oauth2 = (extra: Record<string, unknown> = {}) => ({
  pk: 7,
  name: 'Wiki SSO',
  component: 'ak-provider-oauth2-form',
  meta_model_name: 'authentik_providers_oauth2.oauth2provider',
  authentication_flow: null,
  authorization_flow: FLOW,
  property_mappings: [],
  assigned_application_slug: null,
  assigned_application_name: null,
  client_type: 'confidential',
  client_id: 'wiki-client',
  client_secret_set: true,
  access_code_validity: 'minutes=1',
  access_token_validity: 'minutes=5',
  refresh_token_validity: 'days=30',
  include_claims_in_id_token: true,
  signing_key: null,
  redirect_uris: [{ matching_mode: 'strict', url: 'https://wiki.example.com/cb' }],
  sub_mode: 'hashed_user_id',
  issuer_mode: 'per_provider',
  jwks_sources: [],
  ...extra,
});

afterEach(() => {
  window.location.hash = '';
});

describe('providers', () => {
  it('lists providers of every type, names their type and links or warns about their application', async () => {
    fakeServer.reply = () =>
      json(
        200,
        page([oauth2(), oauth2({ pk: 8, name: 'Chat SSO', assigned_application_slug: 'chat', assigned_application_name: 'Chat' })]),
      );
    renderWithI18n(<ResourceList resource={providerResource} route={parseHash('#/core/providers')} />);
    expect(await screen.findByText('Wiki SSO')).toBeTruthy();
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/providers/all');
    expect(screen.getAllByText('OAuth2/OpenID Provider')).toHaveLength(2);
    expect(screen.getAllByText('Not assigned to any application.')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Chat' }).getAttribute('href')).toBe('#/core/applications/chat');
  });

  it('creates an OAuth2 provider through the type picker, with regex redirect URIs, and shows the secret once', async () => {
    const user = userEvent.setup();
    const posted: Record<string, unknown>[] = [];
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (request.method === 'POST' && path === '/api/v3/providers/oauth2') {
        posted.push(request.body as Record<string, unknown>);
        if (posted.length === 1) return json(400, { redirect_uris: ['"(" is not a valid regular expression: unterminated group'] });
        return json(201, oauth2({ pk: 9, client_id: 'generated-id', client_secret: 's3cr3t-once' }));
      }
      if (path === '/api/v3/flows/instances')
        return json(200, page([{ pk: FLOW, name: 'Consent', slug: 'consent', designation: request.url.searchParams.get('designation') }]));
      if (path === '/api/v3/propertymappings/scope')
        return json(
          200,
          page(
            ['openid', 'email', 'profile', 'groups'].map((scope) => ({
              pk: `m-${scope}`,
              name: `Mapping ${scope}`,
              scope_name: scope,
              managed: scope === 'groups' ? null : `goauthentik.io/providers/oauth2/scope-${scope}`,
            })),
          ),
        );
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={providerResource} route={parseHash('#/core/providers')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const picker = await screen.findByRole('dialog');
    expect(within(picker).getByText('Choose a type')).toBeTruthy();
    await user.click(within(picker).getByRole('button', { name: 'OAuth2/OpenID Provider' }));

    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Wiki SSO');
    const flowSelect = within(dialog).getByRole('combobox', { name: /^Authorization flow/ });
    await waitFor(() => expect(within(flowSelect).getByRole('option', { name: 'Consent (consent)' })).toBeTruthy());
    await user.selectOptions(flowSelect, FLOW);
    const flowQuery = fakeServer.requests
      .filter((r) => r.url.pathname === '/api/v3/flows/instances')
      .map((r) => r.url.searchParams.get('designation'));
    expect(flowQuery.sort()).toEqual(['authentication', 'authorization']);

    // A new provider starts with the built-in openid, email and profile mappings; others can be added.
    await waitFor(() =>
      expect((within(dialog).getByRole('checkbox', { name: 'Mapping openid (openid)' }) as HTMLInputElement).checked).toBe(true),
    );
    expect((within(dialog).getByRole('checkbox', { name: 'Mapping groups (groups)' }) as HTMLInputElement).checked).toBe(false);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Mapping groups (groups)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add a redirect URI' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Matching mode of redirect URI 1' }), 'regex');
    await user.type(within(dialog).getByRole('textbox', { name: 'Redirect URI 1' }), '(');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('"(" is not a valid regular expression: unterminated group')).toBeTruthy();
    expect(posted[0]).toMatchObject({
      name: 'Wiki SSO',
      authorization_flow: FLOW,
      client_type: 'confidential',
      redirect_uris: [{ matching_mode: 'regex', url: '(' }],
      access_token_validity: 'minutes=5',
      sub_mode: 'hashed_user_id',
      include_claims_in_id_token: true,
    });
    expect([...(posted[0].property_mappings as string[])].sort()).toEqual(['m-email', 'm-groups', 'm-openid', 'm-profile']);
    // An empty client id and secret are left for the API to generate.
    expect(Object.keys(posted[0])).not.toContain('client_id');
    expect(Object.keys(posted[0])).not.toContain('client_secret');

    const uri = within(dialog).getByRole('textbox', { name: 'Redirect URI 1' });
    await user.clear(uri);
    await user.type(uri, 'https://wiki\\.example\\.com/.*');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const notice = await screen.findByRole('dialog', { name: /created/ });
    expect(within(notice).getByText(/shown only this once/)).toBeTruthy();
    expect((within(notice).getByRole('textbox', { name: 'Client Secret' }) as HTMLInputElement).value).toBe('s3cr3t-once');
    expect(posted[1].redirect_uris).toEqual([{ matching_mode: 'regex', url: 'https://wiki\\.example\\.com/.*' }]);
    await user.click(within(notice).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(window.location.hash).toBe('#/core/providers/9'));
  });

  it('opens a provider through /providers/all as its own type, with setup URLs and a claims preview', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/providers/all/7') return json(200, { pk: 7, name: 'Wiki SSO', component: 'ak-provider-oauth2-form' });
      if (path === '/api/v3/providers/oauth2/7')
        return json(200, oauth2({ assigned_application_slug: 'wiki', assigned_application_name: 'Wiki' }));
      if (path === '/api/v3/providers/oauth2/7/setup_urls')
        return json(200, {
          issuer: 'https://id.example.com/application/o/wiki/',
          authorize: 'https://id.example.com/application/o/authorize/',
          token: 'https://id.example.com/application/o/token/',
          user_info: 'https://id.example.com/application/o/userinfo/',
          provider_info: 'https://id.example.com/application/o/wiki/.well-known/openid-configuration',
          logout: null,
          jwks: 'https://id.example.com/application/o/wiki/jwks/',
          device: 'https://id.example.com/application/o/device/',
          introspect: 'https://id.example.com/application/o/introspect/',
          revoke: 'https://id.example.com/application/o/revoke/',
        });
      if (path === '/api/v3/core/users') return json(200, page([{ pk: 3, username: 'alice' }]));
      if (path === '/api/v3/providers/oauth2/7/preview_user')
        return json(200, { preview: { sub: 'abc', email: 'alice@example.com', for: request.url.searchParams.get('for_user') } });
      return json(404, { detail: 'Not found.' });
    };
    renderWithI18n(<ResourceDetail resource={providerResource} id="7" />);
    expect(await screen.findByRole('heading', { name: 'Wiki SSO' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Wiki' }).getAttribute('href')).toBe('#/core/applications/wiki');
    expect(screen.getByText('https://wiki.example.com/cb')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Setup URLs' }));
    expect(((await screen.findByRole('textbox', { name: 'Token URL' })) as HTMLInputElement).value).toBe(
      'https://id.example.com/application/o/token/',
    );
    expect((screen.getByRole('textbox', { name: 'Client ID' }) as HTMLInputElement).value).toBe('wiki-client');
    expect(screen.queryByRole('textbox', { name: 'Logout URL' })).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Preview' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Preview for user' }), '3');
    expect(await screen.findByText(/"email": "alice@example.com"/)).toBeTruthy();
    expect(screen.getByText(/"for": "3"/)).toBeTruthy();
  });

  it('reveals the stored client secret only when asked', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (path === '/api/v3/providers/all/7') return json(200, { pk: 7, name: 'Wiki SSO', component: 'ak-provider-oauth2-form' });
      if (path === '/api/v3/providers/oauth2/7') return json(200, oauth2());
      if (path === '/api/v3/providers/oauth2/7/view_client_secret') return json(200, { client_secret: 'stored-secret' });
      return json(404, {});
    };
    renderWithI18n(<ResourceDetail resource={providerResource} id="7" />);
    await user.click(await screen.findByRole('button', { name: 'Show client secret' }));
    expect(((await screen.findByRole('textbox', { name: 'Client Secret' })) as HTMLInputElement).value).toBe('stored-secret');
    expect(fakeServer.requests.filter((r) => r.url.pathname.endsWith('/view_client_secret'))).toHaveLength(1);
  });

  it("links an application's detail page to its provider and opens http(s) launch URLs only", async () => {
    const app = (launch: string) => ({
      pk: 'a1',
      name: 'Wiki',
      slug: 'wiki',
      group: '',
      provider: 7,
      provider_obj: { pk: 7, name: 'Wiki SSO', component: 'ak-provider-oauth2-form' },
      launch_url: launch,
      meta_launch_url: launch,
      policy_engine_mode: 'any',
    });
    let launch = 'https://wiki.example.com/';
    fakeServer.reply = () => json(200, app(launch));
    const { unmount } = renderWithI18n(<ResourceDetail resource={applicationResource} id="wiki" />);
    expect((await screen.findByRole('link', { name: 'Wiki SSO' })).getAttribute('href')).toBe('#/core/providers/7');
    expect(screen.getByRole('link', { name: 'https://wiki.example.com/' }).getAttribute('target')).toBe('_blank');
    unmount();
    launch = 'javascript:alert(1)';
    renderWithI18n(<ResourceDetail resource={applicationResource} id="wiki" />);
    expect(await screen.findByText('javascript:alert(1)')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
  });

  it('sends a picked provider as the number the API gave, not as the string a select holds', async () => {
    const user = userEvent.setup();
    let posted: Record<string, unknown> | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = request.body as Record<string, unknown>;
        return json(201, { pk: 'a2', slug: 'chat', name: 'Chat' });
      }
      if (request.url.pathname === '/api/v3/providers/all') return json(200, page([oauth2({ pk: 12, name: 'Chat SSO' })]));
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={applicationResource} route={parseHash('#/core/applications')} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Chat');
    const provider = within(dialog).getByRole('combobox', { name: /^Provider/ });
    await waitFor(() => expect(within(provider).getByRole('option', { name: 'Chat SSO' })).toBeTruthy());
    await user.selectOptions(provider, '12');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted).toMatchObject({ name: 'Chat', slug: 'chat', provider: 12 }));
  });
});

describe('retired signing keys', () => {
  it('lists the keys still published for verification, each linking to its key pair', async () => {
    fakeServer.reply = (request) =>
      request.url.pathname.endsWith('/retired_keys')
        ? json(200, [
            {
              key_pair: '22222222-2222-4222-8222-222222222222',
              name: '<b>old key</b>',
              retired_at: '2026-11-01T10:00:00Z',
              verify_until: '2026-11-01T11:02:00Z',
            },
          ])
        : json(404, {});
    renderWithI18n(<RetiredKeys provider={oauth2()} />);
    const link = await screen.findByRole('link', { name: '<b>old key</b>' });
    expect(link.getAttribute('href')).toBe('#/crypto/certificates/22222222-2222-4222-8222-222222222222');
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/providers/oauth2/7/retired_keys');
  });

  it('says when there are none, and offers a retry when they cannot be loaded', async () => {
    let fail = true;
    fakeServer.reply = () => (fail ? json(503, { detail: 'down' }) : json(200, []));
    renderWithI18n(<RetiredKeys provider={oauth2()} />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    fail = false;
    await userEvent.click(retry);
    expect(await screen.findByText('No retired keys')).toBeTruthy();
  });
});
