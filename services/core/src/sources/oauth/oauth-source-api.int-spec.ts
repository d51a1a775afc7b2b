import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { GrpcStatus, IdentityClient, OAuth2ConfigClient, RpcCallError } from '@authmesh/rpc';
import { startCore, type CoreHarness } from '../../../test/core.harness.js';

describe('OAuth source API, trusted JWKS sources and service accounts', () => {
  let core: CoreHarness;
  let server: Server;
  let remote: string;
  let jwks: { keys: Array<Record<string, unknown>> };
  let flow: string;
  const served: Record<string, { status: number; body: string }> = {};

  beforeAll(async () => {
    // Core may reach this loopback server only because the harness allows 127.0.0.1 explicitly.
    core = await startCore({ AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32' });
    const pair = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'remote-1', alg: 'RS256', use: 'sig' }] };
    server = createServer((req, res) => {
      const answer = served[req.url ?? ''] ?? { status: 404, body: '{}' };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    served['/jwks'] = { status: 200, body: JSON.stringify(jwks) };
    served['/.well-known/openid-configuration'] = {
      status: 200,
      body: JSON.stringify({
        issuer: remote,
        authorization_endpoint: `${remote}/authorize`,
        token_endpoint: `${remote}/token`,
        userinfo_endpoint: `${remote}/userinfo`,
        jwks_uri: `${remote}/jwks`,
      }),
    };
    served['/long-doc'] = {
      status: 200,
      body: JSON.stringify({
        authorization_endpoint: `${remote}/${'a'.repeat(300)}`,
        token_endpoint: `${remote}/token`,
        userinfo_endpoint: `${remote}/userinfo`,
        jwks_uri: `${remote}/jwks`,
      }),
    };
    served['/private-jwks'] = { status: 200, body: JSON.stringify({ keys: [{ kty: 'oct', kid: 'x', k: 'c2VjcmV0' }] }) };
    flow = (await core.api('GET', '/api/v3/flows/instances/?slug=default-provider-authorization-implicit-consent')).body.results[0].pk;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await core.close();
  });

  const inlineKey = {
    kty: 'EC',
    crv: 'P-256',
    kid: 'inline-1',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  };
  const create = (body: Record<string, unknown>) =>
    core.api('POST', '/api/v3/sources/oauth/', {
      name: 'CI',
      slug: 'ci',
      provider_type: 'openidconnect',
      consumer_key: 'authmesh',
      consumer_secret: 'the-consumer-secret-value',
      authorization_url: 'https://ci.example.com/authorize',
      access_token_url: 'https://ci.example.com/token',
      profile_url: 'https://ci.example.com/userinfo',
      ...body,
    });

  it('creates an OAuth source with an inline key set; the consumer secret is sealed and never answered', async () => {
    const res = await create({ oidc_jwks: { keys: [inlineKey] } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'CI',
      slug: 'ci',
      enabled: true,
      provider_type: 'openidconnect',
      policy_engine_mode: 'any',
      user_matching_mode: 'identifier',
      user_path_template: 'goauthentik.io/sources/%(slug)s',
      consumer_secret_set: true,
      callback_url: '/source/oauth/callback/ci/',
      component: 'ak-source-oauth-form',
      meta_model_name: 'authentik_sources_oauth.oauthsource',
      type: { slug: 'openidconnect', urls_customizable: true },
      oidc_jwks: { keys: [inlineKey] },
    });
    expect(res.body).not.toHaveProperty('consumer_secret');
    const [row] = await core.sql('SELECT consumer_secret_sealed FROM core.oauth_sources WHERE source_id = $1', [res.body.pk]);
    expect(row.consumer_secret_sealed).toMatch(/^v1\./);
    expect(row.consumer_secret_sealed).not.toContain('the-consumer-secret-value');
    for (const path of ['/api/v3/sources/oauth/', '/api/v3/sources/oauth/ci/', '/api/v3/sources/all/', '/api/v3/sources/all/ci/']) {
      const answer = await core.api('GET', path);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain('the-consumer-secret-value');
    }
    const all = await core.api('GET', '/api/v3/sources/all/ci/');
    expect(all.body).toMatchObject({
      pk: res.body.pk,
      slug: 'ci',
      verbose_name: 'OAuth Source',
      meta_model_name: 'authentik_sources_oauth.oauthsource',
    });
    // An update without a secret keeps it.
    const patched = await core.api('PATCH', '/api/v3/sources/oauth/ci/', { name: 'CI system', consumer_secret: '' });
    expect(patched.body).toMatchObject({ name: 'CI system', consumer_secret_set: true });
    const [after] = await core.sql('SELECT consumer_secret_sealed FROM core.oauth_sources WHERE source_id = $1', [res.body.pk]);
    expect(after.consumer_secret_sealed).toBe(row.consumer_secret_sealed);
  });

  it('answers 400 per field for bad input and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ slug: 'no-secret', consumer_secret: undefined }, ['consumer_secret']],
      [{ slug: 'bad type', provider_type: 'myspace' }, ['slug', 'provider_type']],
      [{ slug: 'private', oidc_jwks: { keys: [{ ...inlineKey, d: 'c2VjcmV0' }] } }, ['oidc_jwks']],
      [{ slug: 'symmetric', oidc_jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }, ['oidc_jwks']],
      [{ slug: 'not-a-set', oidc_jwks: { keys: 'x' } }, ['oidc_jwks']],
      [
        { slug: 'no-urls', authorization_url: null, access_token_url: null, profile_url: null },
        ['authorization_url', 'access_token_url', 'profile_url'],
      ],
      [{ slug: 'js-url', authorization_url: 'javascript:alert(1)' }, ['authorization_url']],
      [{ slug: 'flows', authentication_flow: '00000000-0000-4000-8000-000000000000' }, ['authentication_flow']],
      [{ slug: 'bad-mode', user_matching_mode: 'anything' }, ['user_matching_mode']],
      [{ slug: 'bad-icon', icon: 'javascript:alert(1)' }, ['icon']],
      [{ slug: 'ci' }, ['slug']],
      [{ slug: 'denied', oidc_jwks_url: 'http://169.254.169.254/jwks' }, ['oidc_jwks_url']],
      [{ slug: 'private-url', oidc_jwks_url: `${remote}/private-jwks` }, ['oidc_jwks_url']],
      [{ slug: 'missing-url', oidc_well_known_url: `${remote}/nothing-here` }, ['oidc_well_known_url']],
      [{ slug: 'long-doc', oidc_well_known_url: `${remote}/long-doc` }, ['oidc_well_known_url']],
    ];
    for (const [body, fields] of cases) {
      const res = await create(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body).sort()).toEqual([...fields].sort());
    }
    expect(await core.sql(`SELECT slug FROM core.sources ORDER BY slug`)).toEqual([{ slug: 'ci' }]);
    const bad = await core.api('PATCH', '/api/v3/sources/oauth/ci/', {
      name: 'x',
      oidc_jwks: { keys: [{ kty: 'RSA', n: 'x', e: 'AQAB', p: 'y' }] },
    });
    expect(bad.status).toBe(400);
    expect((await core.api('GET', '/api/v3/sources/oauth/ci/')).body.name).toBe('CI system');
  });

  it('fills endpoints and the key set from the discovery document and the JWKS URL when saved', async () => {
    const res = await create({
      name: 'Remote',
      slug: 'remote',
      authorization_url: undefined,
      access_token_url: undefined,
      profile_url: undefined,
      oidc_well_known_url: `${remote}/.well-known/openid-configuration`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      authorization_url: `${remote}/authorize`,
      access_token_url: `${remote}/token`,
      profile_url: `${remote}/userinfo`,
      oidc_jwks_url: `${remote}/jwks`,
      oidc_jwks: jwks,
    });
    // Only a write that names a URL fetches it: the key set stays when the server changes.
    served['/jwks'] = { status: 500, body: '' };
    expect((await core.api('PATCH', '/api/v3/sources/oauth/remote/', { enabled: false })).status).toBe(200);
    const refetch = await core.api('PATCH', '/api/v3/sources/oauth/remote/', { oidc_jwks_url: `${remote}/jwks` });
    expect(refetch).toMatchObject({ status: 400, body: { oidc_jwks_url: [expect.stringContaining('500')] } });
    served['/jwks'] = { status: 200, body: JSON.stringify(jwks) };
    expect((await core.api('GET', '/api/v3/sources/oauth/remote/')).body.oidc_jwks).toEqual(jwks);
  });

  it('lists with filters, search, ordering and pagination, and lists the provider types', async () => {
    const bySearch = await core.api('GET', '/api/v3/sources/oauth/?search=remo');
    expect(bySearch.body.results.map((s: { slug: string }) => s.slug)).toEqual(['remote']);
    const ordered = await core.api('GET', '/api/v3/sources/oauth/?ordering=-slug&page_size=1');
    expect(ordered.body.pagination).toMatchObject({ count: 2, total_pages: 2 });
    expect(ordered.body.results.map((s: { slug: string }) => s.slug)).toEqual(['remote']);
    expect((await core.api('GET', '/api/v3/sources/oauth/?enabled=false')).body.results.map((s: { slug: string }) => s.slug)).toEqual([
      'remote',
    ]);
    expect((await core.api('GET', '/api/v3/sources/oauth/?slug=ci')).body.results).toHaveLength(1);
    expect((await core.api('GET', '/api/v3/sources/all/?search=ci')).body.results.map((s: { slug: string }) => s.slug)).toEqual(['ci']);
    expect((await core.api('GET', '/api/v3/sources/oauth/?ordering=name')).body.results.map((s: { slug: string }) => s.slug)).toEqual([
      'ci',
      'remote',
    ]);
    const types = await core.api('GET', '/api/v3/sources/oauth/source_types/');
    expect(types.body.map((t: { slug: string }) => t.slug)).toContain('openidconnect');
    expect(types.body.find((t: { slug: string }) => t.slug === 'github')).toMatchObject({
      authorization_url: 'https://github.com/login/oauth/authorize',
    });
  });

  describe('trusted JWKS sources of OAuth2 providers', () => {
    let providerPk: number;
    let ci: string;
    let remotePk: string;

    beforeAll(async () => {
      ci = (await core.api('GET', '/api/v3/sources/oauth/ci/')).body.pk;
      remotePk = (await core.api('GET', '/api/v3/sources/oauth/remote/')).body.pk;
    });

    it('refuses an id that is not an OAuth source and stores known ones', async () => {
      const unknown = await core.api('POST', '/api/v3/providers/oauth2/', {
        name: 'M2M',
        authorization_flow: flow,
        jwks_sources: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(unknown).toEqual({
        status: 400,
        body: { jwks_sources: ['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.'] },
      });
      expect(await core.sql(`SELECT 1 FROM core.providers WHERE name = 'M2M'`)).toHaveLength(0);
      const created = await core.api('POST', '/api/v3/providers/oauth2/', {
        name: 'M2M',
        client_id: 'm2m',
        authorization_flow: flow,
        jwks_sources: [ci, remotePk, ci],
      });
      expect(created.status).toBe(201);
      expect([...created.body.jwks_sources].sort()).toEqual([ci, remotePk].sort());
      providerPk = created.body.pk;
      await core.api('POST', '/api/v3/core/applications/', { name: 'M2M', slug: 'm2m', provider: providerPk });
    });

    it('hands the trusted key sets to the runtime over gRPC', async () => {
      const client = new OAuth2ConfigClient(core.grpcAddress, core.meshKey);
      try {
        const provider = await client.getOAuth2Provider({ client_id: 'm2m' });
        const bySlug = Object.fromEntries(provider.jwks_sources.map((s) => [s.slug, s]));
        expect(Object.keys(bySlug).sort()).toEqual(['ci', 'remote']);
        expect(bySlug.ci).toMatchObject({ pk: ci, name: 'CI system', user_path: 'goauthentik.io/sources/ci' });
        expect(JSON.parse(bySlug.ci.jwks_json)).toEqual({ keys: [inlineKey] });
        expect(JSON.parse(bySlug.remote.jwks_json)).toEqual(jwks);
      } finally {
        client.close();
      }
    });

    it('lists the trusting provider in used_by, and deleting the source removes the trust', async () => {
      const usedBy = await core.api('GET', '/api/v3/sources/all/remote/used_by/');
      expect(usedBy.body).toEqual([
        { app: 'authentik_providers_oauth2', model_name: 'oauth2provider', pk: String(providerPk), name: 'M2M', action: 'cascade_many' },
      ]);
      expect((await core.api('DELETE', '/api/v3/sources/oauth/remote/')).status).toBe(204);
      expect((await core.api('GET', '/api/v3/sources/all/remote/')).status).toBe(404);
      expect((await core.api('GET', `/api/v3/providers/oauth2/${providerPk}/`)).body.jwks_sources).toEqual([ci]);
    });
  });

  describe('generated service accounts (IdentityService.EnsureServiceAccount)', () => {
    let identity: IdentityClient;
    beforeAll(() => {
      identity = new IdentityClient(core.grpcAddress, core.meshKey);
    });
    afterAll(() => identity.close());

    it('creates the account once, refreshes it afterwards, and records expiry only at creation', async () => {
      const first = await identity.ensureServiceAccount({
        username: 'M2M-bot',
        name: 'Bot',
        path: 'goauthentik.io/sources/ci',
        expires: 2000000000,
      });
      expect(first).toMatchObject({
        username: 'M2M-bot',
        type: 'service_account',
        is_active: true,
        path: 'goauthentik.io/sources/ci',
        has_password: false,
      });
      expect(JSON.parse(first.attributes_json)).toEqual({
        'goauthentik.io/user/generated': true,
        'goauthentik.io/user/expires': 2000000000,
      });
      const again = await identity.ensureServiceAccount({ username: 'm2m-BOT', name: 'Bot 2', path: 'elsewhere', expires: 2100000000 });
      expect(again).toMatchObject({ pk: first.pk, name: 'Bot 2', path: 'elsewhere' });
      expect(JSON.parse(again.attributes_json)['goauthentik.io/user/expires']).toBe(2000000000);
    });

    it('keeps a generated account to the owner it was generated for', async () => {
      const made = await identity.ensureServiceAccount({
        username: 'ci-prod-x',
        name: 'x',
        path: 'p',
        expires: 0,
        owner: 'oauth2-provider:a',
      });
      expect(JSON.parse(made.attributes_json)['authmesh.io/user/generated-by']).toBe('oauth2-provider:a');
      expect(
        (await identity.ensureServiceAccount({ username: 'ci-prod-x', name: 'y', path: 'p', expires: 0, owner: 'oauth2-provider:a' })).pk,
      ).toBe(made.pk);
      for (const owner of ['oauth2-provider:b', '']) {
        const error = await identity
          .ensureServiceAccount({ username: 'ci-prod-x', name: 'z', path: 'p', expires: 0, owner })
          .catch((e: unknown) => e);
        expect((error as RpcCallError).status).toBe(GrpcStatus.PERMISSION_DENIED);
      }
      // One generated before owners were recorded is adopted by the first owner that uses it again.
      await identity.ensureServiceAccount({ username: 'legacy-bot', name: 'l', path: 'p', expires: 0 });
      const adopted = await identity.ensureServiceAccount({
        username: 'legacy-bot',
        name: 'l',
        path: 'p',
        expires: 0,
        owner: 'oauth2-provider:c',
      });
      expect(JSON.parse(adopted.attributes_json)['authmesh.io/user/generated-by']).toBe('oauth2-provider:c');
      const taken = await identity
        .ensureServiceAccount({ username: 'legacy-bot', name: 'l', path: 'p', expires: 0, owner: 'oauth2-provider:d' })
        .catch((e: unknown) => e);
      expect((taken as RpcCallError).status).toBe(GrpcStatus.PERMISSION_DENIED);
    });

    it('never takes over a user that is not a generated service account', async () => {
      const error = await identity.ensureServiceAccount({ username: 'akadmin', name: 'x', path: 'x', expires: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcCallError);
      expect((error as RpcCallError).status).toBe(GrpcStatus.PERMISSION_DENIED);
      const [admin] = await core.sql(`SELECT type, path FROM core.users WHERE username = 'akadmin'`);
      expect(admin.type).not.toBe('service_account');
    });
  });
});
