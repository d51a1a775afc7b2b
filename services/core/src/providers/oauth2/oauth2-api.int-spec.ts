import { startCore, type CoreHarness } from '../../../test/core.harness.js';

describe('OAuth2 provider and scope mapping API', () => {
  let core: CoreHarness;
  let flow: string;
  const mappings: Record<string, string> = {};

  beforeAll(async () => {
    core = await startCore();
    const flows = await core.api('GET', '/api/v3/flows/instances/?slug=default-provider-authorization-implicit-consent');
    flow = flows.body.results[0].pk;
    const scopes = await core.api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false&page_size=100');
    for (const m of scopes.body.results) mappings[m.scope_name] = m.pk;
  });
  afterAll(() => core.close());

  const create = (body: Record<string, unknown>) =>
    core.api('POST', '/api/v3/providers/oauth2/', { name: 'App', authorization_flow: flow, ...body });

  describe('scope mappings', () => {
    it('ships the openid, email and profile mappings under the reference product managed keys', async () => {
      const res = await core.api('GET', '/api/v3/propertymappings/scope/?managed=goauthentik.io/providers/oauth2/scope-email');
      expect(res.body.results).toHaveLength(1);
      expect(res.body.results[0]).toMatchObject({
        scope_name: 'email',
        description: 'Email address',
        meta_model_name: 'authentik_providers_oauth2.scopemapping',
        component: 'ak-property-mapping-scope-form',
      });
      expect(Object.keys(mappings).sort()).toEqual(['email', 'openid', 'profile']);
    });

    it('refuses Python expressions and malformed scope names, and writes nothing', async () => {
      const python = await core.api('POST', '/api/v3/propertymappings/scope/', {
        name: 'py',
        scope_name: 'py',
        expression: '# the reference product\'s syntax\nreturn {"groups": [g.name for g in request.user.ak_groups.all()]}',
      });
      expect(python).toEqual({
        status: 400,
        body: { expression: ['This looks like a Python expression; authmesh expressions are JavaScript.'] },
      });
      const spaced = await core.api('POST', '/api/v3/propertymappings/scope/', { name: 'sp', scope_name: 'a b', expression: 'return {}' });
      expect(spaced.status).toBe(400);
      expect(Object.keys(spaced.body)).toEqual(['scope_name']);
      const rows = await core.sql(`SELECT 1 FROM core.property_mappings WHERE name IN ('py', 'sp')`);
      expect(rows).toHaveLength(0);
    });

    it('creates, updates and deletes a custom mapping', async () => {
      const created = await core.api('POST', '/api/v3/propertymappings/scope/', {
        name: 'Groups',
        scope_name: 'groups',
        expression: 'return { groups: request.user.groups.map((g) => g.name) };',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ managed: null, scope_name: 'groups', description: '' });
      const patched = await core.api('PATCH', `/api/v3/propertymappings/scope/${created.body.pk}/`, { description: 'Your groups' });
      expect(patched.body).toMatchObject({ scope_name: 'groups', description: 'Your groups', name: 'Groups' });
      expect((await core.api('DELETE', `/api/v3/propertymappings/scope/${created.body.pk}/`)).status).toBe(204);
      expect((await core.api('GET', `/api/v3/propertymappings/scope/${created.body.pk}/`)).status).toBe(404);
    });
  });

  describe('providers', () => {
    it('generates a client id and secret, shows the secret once and keeps it sealed', async () => {
      const res = await create({ name: 'Wiki', property_mappings: [mappings.openid, mappings.email] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        client_type: 'confidential',
        sub_mode: 'hashed_user_id',
        issuer_mode: 'per_provider',
        access_code_validity: 'minutes=1',
        include_claims_in_id_token: true,
        client_secret_set: true,
        meta_model_name: 'authentik_providers_oauth2.oauth2provider',
      });
      expect(res.body.client_id).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(res.body.client_secret).toMatch(/^[A-Za-z0-9]{128}$/);
      const secret: string = res.body.client_secret;

      const [row] = await core.sql('SELECT client_secret_sealed FROM core.oauth2_providers WHERE provider_id = $1', [res.body.pk]);
      expect(row.client_secret_sealed).toMatch(/^v1\./);
      expect(row.client_secret_sealed).not.toContain(secret);

      const one = await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/`);
      const list = await core.api('GET', '/api/v3/providers/oauth2/');
      const all = await core.api('GET', '/api/v3/providers/all/');
      for (const body of [one.body, list.body, all.body]) {
        expect(JSON.stringify(body)).not.toContain(secret);
        expect(JSON.stringify(body)).not.toContain('"client_secret"');
      }
      expect(one.body.property_mappings.sort()).toEqual([mappings.openid, mappings.email].sort());

      const shown = await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/view_client_secret/`);
      expect(shown.body).toEqual({ client_secret: secret });
    });

    it('lets only superusers read the client secret or the provider', async () => {
      const res = await create({ name: 'Secretive' });
      const path = `/api/v3/providers/oauth2/${res.body.pk}/view_client_secret/`;
      expect((await core.api('GET', path, undefined, null)).status).toBe(401);
      const user = await core.api('POST', '/api/v3/core/users/', { username: 'oauth2-reader' });
      await core.api('POST', '/api/v3/core/tokens/', { identifier: 'oauth2-reader-api', user: user.body.pk, expiring: false });
      const key = (await core.api('GET', '/api/v3/core/tokens/oauth2-reader-api/view_key/')).body.key as string;
      const denied = await core.api('GET', path, undefined, key);
      expect(denied.status).toBe(403);
      expect(JSON.stringify(denied.body)).not.toContain(res.body.client_secret);
      expect((await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/`, undefined, key)).status).toBe(403);
    });

    it('keeps the stored secret when an update leaves it out, and replaces it when one is given', async () => {
      const res = await create({ name: 'Rotating', client_secret: 'first-secret' });
      expect(res.body.client_secret).toBeUndefined();
      await core.api('PATCH', `/api/v3/providers/oauth2/${res.body.pk}/`, { name: 'Rotating 2' });
      expect((await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/view_client_secret/`)).body.client_secret).toBe(
        'first-secret',
      );
      await core.api('PATCH', `/api/v3/providers/oauth2/${res.body.pk}/`, { client_secret: 'second-secret' });
      expect((await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/view_client_secret/`)).body.client_secret).toBe(
        'second-secret',
      );
    });

    it('stores redirect URIs as strict or regex entries; the older newline format becomes strict entries', async () => {
      const res = await create({
        name: 'Redirects',
        redirect_uris: [
          { matching_mode: 'strict', url: 'https://app.example.com/cb' },
          { matching_mode: 'regex', url: 'https://[a-z]+\\.example\\.com/cb' },
          { url: 'com.example.app:/oauth' },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body.redirect_uris).toEqual([
        { matching_mode: 'strict', url: 'https://app.example.com/cb' },
        { matching_mode: 'regex', url: 'https://[a-z]+\\.example\\.com/cb' },
        { matching_mode: 'strict', url: 'com.example.app:/oauth' },
      ]);
      const legacy = await create({ name: 'Legacy', redirect_uris: 'https://a.example.com/cb\nhttps://b.example.com/.*\n' });
      expect(legacy.body.redirect_uris).toEqual([
        { matching_mode: 'strict', url: 'https://a.example.com/cb' },
        { matching_mode: 'strict', url: 'https://b.example.com/.*' },
      ]);
    });

    it.each([
      ['javascript:alert(1)', 'strict'],
      ['data:text/html,<script>alert(1)</script>', 'strict'],
      ['https://app.example.com/cb#frag', 'strict'],
      ['/relative/cb', 'strict'],
      ['https://(unclosed.example.com', 'regex'],
    ])('refuses the redirect URI %s (%s) and creates nothing', async (url, matching_mode) => {
      const res = await create({ name: `Bad ${url}`, redirect_uris: [{ matching_mode, url }] });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body)).toEqual(['redirect_uris']);
      expect(await core.sql('SELECT 1 FROM core.providers WHERE name = $1', [`Bad ${url}`])).toHaveLength(0);
    });

    it('stores an http(s) back-channel logout URI and refuses anything else, changing nothing', async () => {
      const res = await create({ name: 'Backchannel', backchannel_logout_uri: 'https://app.example.com/backchannel' });
      expect(res.status).toBe(201);
      expect(res.body.backchannel_logout_uri).toBe('https://app.example.com/backchannel');
      expect((await create({ name: 'No backchannel' })).body.backchannel_logout_uri).toBe('');
      for (const bad of ['javascript:alert(1)', 'com.example.app:/logout', '/relative', 'https://app.example.com/x#frag', 'https://']) {
        const refused = await core.api('PATCH', `/api/v3/providers/oauth2/${res.body.pk}/`, { backchannel_logout_uri: bad });
        expect(refused.status).toBe(400);
        expect(Object.keys(refused.body)).toEqual(['backchannel_logout_uri']);
      }
      expect((await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/`)).body.backchannel_logout_uri).toBe(
        'https://app.example.com/backchannel',
      );
    });

    it('answers 400 per field for bad durations, choices and references', async () => {
      const res = await core.api('POST', '/api/v3/providers/oauth2/', {
        name: '',
        authorization_flow: 'not-a-uuid',
        access_token_validity: 'forever',
        sub_mode: 'nickname',
        client_type: 'secret',
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(['access_token_validity', 'authorization_flow', 'client_type', 'name', 'sub_mode']);

      const missing = '00000000-0000-4000-8000-000000000000';
      const refs = await create({ name: 'Refs', signing_key: missing, property_mappings: [missing], jwks_sources: [missing] });
      expect(refs.status).toBe(400);
      expect(Object.keys(refs.body).sort()).toEqual(['jwks_sources', 'property_mappings', 'signing_key']);
    });

    it('refuses a signing key without a private key and accepts one with', async () => {
      const generated = await core.api('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
        common_name: 'oauth2-signing',
        subject_alt_name: '',
        validity_days: 30,
        alg: 'ecdsa',
      });
      const certOnly = await core.api('POST', '/api/v3/crypto/certificatekeypairs/', {
        name: 'cert only',
        certificate_data: (await core.api('GET', `/api/v3/crypto/certificatekeypairs/${generated.body.pk}/view_certificate/`)).body.data,
      });
      expect((await create({ name: 'No key', signing_key: certOnly.body.pk })).status).toBe(400);
      const ok = await create({ name: 'Signed', signing_key: generated.body.pk });
      expect(ok.body.signing_key).toBe(generated.body.pk);
    });

    it('refuses a client id that is already in use', async () => {
      await create({ name: 'First', client_id: 'shared-client' });
      const dup = await create({ name: 'Second', client_id: 'shared-client' });
      expect(dup).toEqual({ status: 400, body: { client_id: ['A provider with this client ID already exists.'] } });
    });

    it('answers setup URLs under the application slug, and the global issuer in global mode', async () => {
      const res = await create({ name: 'Setup' });
      const app = await core.api('POST', '/api/v3/core/applications/', { name: 'Setup app', slug: 'setup-app', provider: res.body.pk });
      expect(app.status).toBe(201);
      const urls = await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/setup_urls/`);
      const origin = core.baseUrl;
      expect(urls.body).toEqual({
        issuer: `${origin}/application/o/setup-app/`,
        authorize: `${origin}/application/o/authorize/`,
        token: `${origin}/application/o/token/`,
        user_info: `${origin}/application/o/userinfo/`,
        provider_info: `${origin}/application/o/setup-app/.well-known/openid-configuration`,
        logout: `${origin}/application/o/setup-app/end-session/`,
        jwks: `${origin}/application/o/setup-app/jwks/`,
        device: `${origin}/application/o/device/`,
        introspect: `${origin}/application/o/introspect/`,
        revoke: `${origin}/application/o/revoke/`,
      });
      await core.api('PATCH', `/api/v3/providers/oauth2/${res.body.pk}/`, { issuer_mode: 'global' });
      expect((await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/setup_urls/`)).body.issuer).toBe(`${origin}/`);
      const listed = await core.api('GET', `/api/v3/providers/oauth2/?application=${app.body.pk}`);
      expect(listed.body.results.map((p: { pk: number }) => p.pk)).toEqual([res.body.pk]);
      expect(listed.body.results[0].assigned_application_slug).toBe('setup-app');
    });

    it('previews the claims a token would carry for a user', async () => {
      const res = await create({
        name: 'Preview',
        property_mappings: [mappings.openid, mappings.email, mappings.profile],
        sub_mode: 'user_username',
      });
      await core.api('POST', '/api/v3/core/applications/', { name: 'Preview app', slug: 'preview-app', provider: res.body.pk });
      const admin = (await core.api('GET', '/api/v3/core/users/?username=akadmin')).body.results[0].pk;
      const preview = await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/preview_user/?for_user=${admin}`);
      expect(preview.status).toBe(200);
      expect(preview.body.preview).toMatchObject({
        iss: `${core.baseUrl}/application/o/preview-app/`,
        aud: res.body.client_id,
        sub: 'akadmin',
        email: 'admin@example.com',
        email_verified: true,
        preferred_username: 'akadmin',
        groups: ['authmesh Admins'],
      });
      const missing = await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/preview_user/?for_user=999999`);
      expect(missing).toEqual({ status: 400, body: { for_user: ['No such user.'] } });
    });

    it('is removed with its base row through /providers/all/', async () => {
      const res = await create({ name: 'Doomed' });
      expect((await core.api('DELETE', `/api/v3/providers/all/${res.body.pk}/`)).status).toBe(204);
      expect(await core.sql('SELECT 1 FROM core.oauth2_providers WHERE provider_id = $1', [res.body.pk])).toHaveLength(0);
      expect((await core.api('GET', `/api/v3/providers/oauth2/${res.body.pk}/`)).status).toBe(404);
    });
  });
});
