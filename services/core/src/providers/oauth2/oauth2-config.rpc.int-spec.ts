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
});
