import { GrpcStatus, OAuth2ConfigClient, RpcCallError } from '@authmesh/rpc';
import { startCore, type CoreHarness } from '../../../test/core.harness.js';

describe('OAuth2ConfigService (gRPC)', () => {
  let core: CoreHarness;
  let client: OAuth2ConfigClient;
  let providerPk: number;
  let secret: string;
  let adminPk: string;
  const mappings: Record<string, string> = {};

  beforeAll(async () => {
    core = await startCore();
    client = new OAuth2ConfigClient(core.grpcAddress, core.meshKey);
    const flow = (await core.api('GET', '/api/v3/flows/instances/?slug=default-provider-authorization-explicit-consent')).body.results[0]
      .pk;
    for (const m of (await core.api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results)
      mappings[m.scope_name] = m.pk;
    const broken = await core.api('POST', '/api/v3/propertymappings/scope/', {
      name: 'zz broken',
      scope_name: 'broken',
      expression: 'throw new Error("no");',
    });
    const created = await core.api('POST', '/api/v3/providers/oauth2/', {
      name: 'Grafana',
      client_id: 'grafana',
      authorization_flow: flow,
      redirect_uris: [{ matching_mode: 'strict', url: 'https://grafana.example.com/cb' }],
      property_mappings: [mappings.openid, mappings.email, mappings.profile, broken.body.pk],
      access_token_validity: 'hours=1;minutes=2',
    });
    providerPk = created.body.pk;
    secret = created.body.client_secret;
    await core.api('POST', '/api/v3/core/applications/', {
      name: 'Grafana',
      slug: 'grafana',
      provider: providerPk,
      policy_engine_mode: 'all',
    });
    adminPk = String((await core.api('GET', '/api/v3/core/users/?username=akadmin')).body.results[0].pk);
  });
  afterAll(async () => {
    client.close();
    await core.close();
  });

  it('answers a provider by client id and by application slug, with the secret opened and the flow by slug', async () => {
    const byClient = await client.getOAuth2Provider({ client_id: 'grafana' });
    const bySlug = await client.getOAuth2Provider({ application_slug: 'grafana' });
    expect(bySlug).toEqual(byClient);
    expect(byClient).toMatchObject({
      pk: providerPk,
      client_type: 'confidential',
      client_secret: secret,
      authorization_flow_slug: 'default-provider-authorization-explicit-consent',
      access_token_validity_seconds: '3720',
      access_code_validity_seconds: '60',
      redirect_uris: [{ matching_mode: 'strict', url: 'https://grafana.example.com/cb' }],
      application: { slug: 'grafana', policy_engine_mode: 'all' },
      signing_key: null,
    });
    expect(byClient.scopes.map((s) => s.scope_name).sort()).toEqual(['broken', 'email', 'openid', 'profile']);
  });

  it('answers NOT_FOUND for an unknown client or an application without an OAuth2 provider', async () => {
    await core.api('POST', '/api/v3/core/applications/', { name: 'Bare', slug: 'bare' });
    for (const request of [{ client_id: 'nobody' }, { application_slug: 'bare' }, {}]) {
      const error = await client.getOAuth2Provider(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcCallError);
      expect((error as RpcCallError).status).toBe(GrpcStatus.NOT_FOUND);
    }
  });

  it('verifies client secrets exactly', async () => {
    expect(await client.verifyClientSecret({ client_id: 'grafana', client_secret: secret })).toEqual({ valid: true });
    expect(await client.verifyClientSecret({ client_id: 'grafana', client_secret: secret.slice(0, -1) })).toEqual({ valid: false });
    expect(await client.verifyClientSecret({ client_id: 'grafana', client_secret: '' })).toEqual({ valid: false });
    expect(await client.verifyClientSecret({ client_id: 'nobody', client_secret: secret })).toEqual({ valid: false });
  });

  it('evaluates only the requested scopes the provider maps, and a failing mapping adds nothing', async () => {
    const result = await client.evaluateScopes({
      provider_pk: providerPk,
      user_pk: adminPk,
      scopes: ['openid', 'email', 'broken', 'offline'],
    });
    expect(result.granted_scopes).toEqual(['openid', 'email', 'broken']);
    // The default subject mode: a keyed digest, never the user's key itself.
    expect(result.subject).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(result.claims_json)).toEqual({ email: 'admin@example.com', email_verified: true });

    const profile = await client.evaluateScopes({ provider_pk: providerPk, user_pk: adminPk, scopes: ['profile'] });
    expect(JSON.parse(profile.claims_json)).toMatchObject({ preferred_username: 'akadmin', groups: ['authmesh Admins'] });
  });

  it('refuses to evaluate for an unknown user', async () => {
    const error = await client.evaluateScopes({ provider_pk: providerPk, user_pk: '999999', scopes: ['email'] }).catch((e: unknown) => e);
    expect((error as RpcCallError).status).toBe(GrpcStatus.INVALID_ARGUMENT);
  });

  it('keeps a replaced signing key as retired for the token validity and answers it beside the new one', async () => {
    const key = async (name: string) =>
      (
        await core.api('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
          common_name: name,
          subject_alt_name: '',
          validity_days: 30,
          alg: 'rsa',
        })
      ).body.pk as string;
    const [first, second] = [await key('rotation one'), await key('rotation two')];
    expect((await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { signing_key: first })).status).toBe(200);
    expect((await client.getOAuth2Provider({ client_id: 'grafana' })).retired_signing_keys).toEqual([]);

    const before = Math.floor(Date.now() / 1000);
    expect((await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { signing_key: second })).status).toBe(200);
    const rotated = await client.getOAuth2Provider({ client_id: 'grafana' });
    expect(rotated.signing_key?.pk).toBe(second);
    expect(rotated.retired_signing_keys).toHaveLength(1);
    const [retired] = rotated.retired_signing_keys;
    expect(retired.pk).toBe(first);
    expect(retired.private_key_pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // The access token validity of this provider is hours=1;minutes=2.
    expect(Number(retired.verify_until) - Number(retired.retired_at)).toBeGreaterThanOrEqual(3719);
    expect(Number(retired.verify_until)).toBeLessThanOrEqual(before + 3722);
    // Admins see them too (without the private key).
    const listed = await core.api('GET', `/api/v3/providers/oauth2/${providerPk}/retired_keys/`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      { key_pair: first, name: 'rotation one', retired_at: expect.any(String), verify_until: expect.any(String) },
    ]);
    expect(Math.floor(Date.parse(listed.body[0].verify_until) / 1000)).toBe(Number(retired.verify_until));

    // Back to the first key: it signs again and is no longer retired; the second one is.
    await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { signing_key: first });
    const back = await client.getOAuth2Provider({ client_id: 'grafana' });
    expect(back.retired_signing_keys.map((k) => k.pk)).toEqual([second]);

    // A period that has ended is not answered (and is deleted by the next save).
    await core.sql(`UPDATE core.oauth2_provider_retired_keys SET verify_until = now() - interval '1 second'`);
    expect((await client.getOAuth2Provider({ client_id: 'grafana' })).retired_signing_keys).toEqual([]);
    expect((await core.api('GET', `/api/v3/providers/oauth2/${providerPk}/retired_keys/`)).body).toEqual([]);
    await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { name: 'Grafana' });
    expect(await core.sql('SELECT 1 FROM core.oauth2_provider_retired_keys WHERE provider_id = $1', [providerPk])).toHaveLength(0);
    await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { signing_key: null });
  });

  it('answers the back-channel logout URI', async () => {
    await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { backchannel_logout_uri: 'https://grafana.example.com/logout' });
    expect((await client.getOAuth2Provider({ client_id: 'grafana' })).backchannel_logout_uri).toBe('https://grafana.example.com/logout');
    await core.api('PATCH', `/api/v3/providers/oauth2/${providerPk}/`, { backchannel_logout_uri: '' });
    expect((await client.getOAuth2Provider({ client_id: 'grafana' })).backchannel_logout_uri).toBe('');
  });
});
