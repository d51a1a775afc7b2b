import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-jwt-assertion-token-0123456789abcdef';
const CONSENT = 'default-provider-authorization-implicit-consent';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Machine-to-machine login with a JWT (RFC 7523 client assertion), as the reference product
 * offers it: a workload signs a JWT with its own key, an OAuth source publishes that key,
 * and an OAuth2 provider trusting the source issues tokens for a generated service account.
 */
describe('OAuth2 client credentials with a JWT client assertion', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let jwksServer: Server;
  let jwksUrl: string;
  let workloadKey: CryptoKey;
  let remoteKey: CryptoKey;
  let machine: { pk: number; client_id: string; client_secret: string };
  let untrusting: { client_id: string };
  let publicMachine: { client_id: string };

  async function provider(name: string, slug: string, fields: Record<string, unknown> = {}) {
    const flow = (await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).body.pk;
    const scopes = (await api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results.map(
      (m: { pk: string }) => m.pk,
    );
    const created = await api('POST', '/api/v3/providers/oauth2/', {
      name,
      authorization_flow: flow,
      property_mappings: scopes,
      sub_mode: 'user_username',
      ...fields,
    });
    expect(created.status).toBe(201);
    expect((await api('POST', '/api/v3/core/applications/', { name, slug, provider: created.body.pk })).status).toBe(201);
    return created.body as { pk: number; client_id: string; client_secret: string };
  }

  async function source(slug: string, fields: Record<string, unknown>) {
    const created = await api('POST', '/api/v3/sources/oauth/', {
      name: slug,
      slug,
      provider_type: 'openidconnect',
      consumer_key: slug,
      consumer_secret: `${slug}-consumer-secret`,
      authorization_url: 'https://idp.example.com/authorize',
      access_token_url: 'https://idp.example.com/token',
      profile_url: 'https://idp.example.com/userinfo',
      ...fields,
    });
    expect(created.status).toBe(201);
    return created.body as { pk: string };
  }

  const assertion = (key: CryptoKey, kid: string, claims: Record<string, unknown> = {}, lifetime: string | number = '5m') =>
    new SignJWT({ sub: 'deploy-bot', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer('https://ci.example.com')
      .setAudience(typeof claims.aud === 'string' ? claims.aud : `${proc.baseUrl}/application/o/token/`)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(key);

  async function token(clientId: string, jwt: string, extra: Record<string, string> = {}) {
    const res = await fetch(`${proc.baseUrl}/application/o/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_assertion_type: JWT_BEARER,
        client_assertion: jwt,
        scope: 'email',
        ...extra,
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function introspect(accessToken: string) {
    const res = await fetch(`${proc.baseUrl}/application/o/introspect/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${machine.client_id}:${machine.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: accessToken }),
    });
    return (await res.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    const workload = await generateKeyPair('ES256');
    workloadKey = workload.privateKey;
    const workloadJwk: JWK = { ...(await exportJWK(workload.publicKey)), kid: 'ci-key', alg: 'ES256', use: 'sig' };
    const remote = await generateKeyPair('ES256');
    remoteKey = remote.privateKey;
    const remoteJwks = { keys: [{ ...(await exportJWK(remote.publicKey)), kid: 'remote-key' }] };
    jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(remoteJwks)));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;

    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-jwt-'));
    db = await createTestDatabase('authmesh_e2e_jwt_assertion');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-jwt-assertion-secret-key-long-enough-01',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'e2e jwt password 1',
        AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        // The key set server of this test runs on loopback, which outbound requests refuse by default.
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ci = await source('ci', { oidc_jwks: { keys: [workloadJwk] } });
    const fetched = await source('remote', { oidc_jwks_url: jwksUrl });
    machine = await provider('Machine', 'machine', { jwks_sources: [ci.pk, fetched.pk] });
    untrusting = await provider('Elsewhere', 'elsewhere');
    publicMachine = await provider('Public machine', 'public-machine', { client_type: 'public', jwks_sources: [ci.pk] });
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    await new Promise((resolve) => jwksServer?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues a token for a JWT signed by a key of a trusted source, acting for a generated service account', async () => {
    const res = await token(machine.client_id, await assertion(workloadKey, 'ci-key'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', scope: 'email' });
    expect(await introspect(res.body.access_token as string)).toMatchObject({
      active: true,
      sub: 'Machine-deploy-bot',
      scope: 'email',
      client_id: machine.client_id,
    });
    const users = await api('GET', '/api/v3/core/users/?username=Machine-deploy-bot');
    expect(users.body.results).toHaveLength(1);
    expect(users.body.results[0]).toMatchObject({
      type: 'service_account',
      path: 'goauthentik.io/sources/ci',
      name: 'Autogenerated user from application Machine (client credentials JWT)',
    });
    expect(users.body.results[0].attributes).toMatchObject({ 'goauthentik.io/user/generated': true });
    // A second login reuses the account.
    expect((await token(machine.client_id, await assertion(workloadKey, 'ci-key'))).status).toBe(200);
    expect((await api('GET', '/api/v3/core/users/?username=Machine-deploy-bot')).body.results).toHaveLength(1);
  });

  it('lets a public client authenticate with the assertion alone', async () => {
    const res = await token(publicMachine.client_id, await assertion(workloadKey, 'ci-key'));
    expect(res.status).toBe(200);
    expect(typeof res.body.access_token).toBe('string');
    const stranger = (await generateKeyPair('ES256')).privateKey;
    expect(await token(publicMachine.client_id, await assertion(stranger, 'ci-key'))).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });

  it('trusts keys fetched from the source JWKS URL when the source was saved', async () => {
    const res = await token(machine.client_id, await assertion(remoteKey, 'remote-key', { sub: 'remote-job' }));
    expect(res.status).toBe(200);
    expect(await introspect(res.body.access_token as string)).toMatchObject({ active: true, sub: 'Machine-remote-job' });
  });

  it('refuses, as invalid_client, a JWT signed by another key, unsigned, expired, or with an unknown key id', async () => {
    const stranger = (await generateKeyPair('ES256')).privateKey;
    const body = Buffer.from(JSON.stringify({ sub: 'deploy-bot', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'ci-key' })).toString('base64url')}.${body}.`;
    const hmac = await new SignJWT({ sub: 'deploy-bot' })
      .setProtectedHeader({ alg: 'HS256', kid: 'ci-key' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(machine.client_secret));
    const refused = [
      await assertion(stranger, 'ci-key'),
      unsigned,
      hmac,
      await assertion(workloadKey, 'ci-key', {}, Math.floor(Date.now() / 1000) - 30),
      await assertion(workloadKey, 'other-key'),
      await assertion(workloadKey, 'ci-key', { nbf: Math.floor(Date.now() / 1000) + 600 }),
      // Minted by the trusted issuer, but for someone else.
      await assertion(workloadKey, 'ci-key', { aud: 'https://some-other-service.example' }),
      'not-a-jwt',
    ];
    for (const jwt of refused) {
      const res = await token(machine.client_id, jwt);
      expect({ jwt, status: res.status, error: res.body.error }).toEqual({ jwt, status: 401, error: 'invalid_client' });
    }
    // The forger's subject never became a user.
    expect(
      (await api('GET', '/api/v3/core/users/?search=Machine-')).body.results.map((u: { username: string }) => u.username).sort(),
    ).toEqual(['Machine-deploy-bot', 'Machine-remote-job', 'Public machine-deploy-bot']);
  });

  it('refuses a JWT from a source the provider does not trust, a wrong assertion type, and a secret sent alongside', async () => {
    const jwt = await assertion(workloadKey, 'ci-key');
    expect(await token(untrusting.client_id, jwt)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await token(machine.client_id, jwt, { client_assertion_type: 'urn:example:saml' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await token(machine.client_id, jwt, { client_secret: machine.client_secret })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(await token(machine.client_id, jwt, { scope: 'admin' })).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    // The runtime's internal grant type cannot be called directly, even with the client's own secret.
    const direct = await fetch(`${proc.baseUrl}/application/o/token/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${machine.client_id}:${machine.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'urn:authmesh:params:oauth:grant-type:client-assertion', scope: 'email' }),
    });
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('lets application policies decide, for the service account, with invalid_grant', async () => {
    const app = (await api('GET', '/api/v3/core/applications/machine/')).body;
    const policy = await api('POST', '/api/v3/policies/expression/', {
      name: 'no deploy bot',
      expression: "return request.user.username !== 'Machine-deploy-bot';",
    });
    expect(policy.status).toBe(201);
    const binding = await api('POST', '/api/v3/policies/bindings/', { policy: policy.body.pk, target: app.pk, order: 0 });
    expect(binding.status).toBe(201);
    try {
      expect(await token(machine.client_id, await assertion(workloadKey, 'ci-key'))).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant' },
      });
      expect((await token(machine.client_id, await assertion(remoteKey, 'remote-key', { sub: 'remote-job' }))).status).toBe(200);
    } finally {
      await api('DELETE', `/api/v3/policies/bindings/${binding.body.pk}/`);
    }
  });

  it('stops trusting a source as soon as the provider no longer lists it', async () => {
    const patched = await api('PATCH', `/api/v3/providers/oauth2/${machine.pk}/`, {
      jwks_sources: [(await api('GET', '/api/v3/sources/oauth/remote/')).body.pk],
    });
    expect(patched.status).toBe(200);
    expect(await token(machine.client_id, await assertion(workloadKey, 'ci-key'))).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });
});
