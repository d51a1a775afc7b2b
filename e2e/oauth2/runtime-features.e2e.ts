import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import * as oidc from 'openid-client';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { follow, logIn } from './oauth2-support.js';

const TOKEN = 'e2e-oauth2-features-token-0123456789';
const PASSWORD = 'e2e oauth2 features password 1';
const LOGIN = 'default-authentication-flow';
const CONSENT = 'default-provider-authorization-explicit-consent';
const REDIRECT = 'https://rp.example.com/callback';
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * Key rotation, back-channel logout, JWT access tokens, claims of custom scope mappings, the
 * GitHub token endpoint's answer format, max_age and signed request objects, seen by real
 * relying parties (openid-client, jose, a local HTTP server taking logout tokens).
 */
describe('OAuth2 / OpenID Connect runtime features', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let rpServer: Server;
  let rpBase: string;
  const logoutTokens: Array<{ path: string; token: string }> = [];
  const insecure = { execute: [oidc.allowInsecureRequests] };
  const mappings: string[] = [];

  async function signingKey(name: string): Promise<string> {
    const key = await api('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
      common_name: name,
      subject_alt_name: '',
      validity_days: 30,
      alg: 'rsa',
    });
    expect(key.status).toBe(201);
    return key.body.pk;
  }

  async function provider(slug: string, fields: Record<string, unknown> = {}) {
    const flow = (await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).body.pk;
    const created = await api('POST', '/api/v3/providers/oauth2/', {
      name: slug,
      authorization_flow: flow,
      redirect_uris: [{ matching_mode: 'strict', url: REDIRECT }],
      property_mappings: mappings,
      sub_mode: 'user_username',
      ...fields,
    });
    expect(created.status).toBe(201);
    expect((await api('POST', '/api/v3/core/applications/', { name: slug, slug, provider: created.body.pk })).status).toBe(201);
    const config = await oidc.discovery(
      new URL(`${proc.baseUrl}/application/o/${slug}/`),
      created.body.client_id,
      created.body.client_secret,
      undefined,
      insecure,
    );
    return { pk: created.body.pk as number, config, secret: created.body.client_secret as string };
  }

  beforeAll(async () => {
    rpServer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const token = new URLSearchParams(body).get('logout_token');
        if (req.method === 'POST' && token) logoutTokens.push({ path: req.url ?? '', token });
        res.statusCode = token ? 200 : 400;
        res.end();
      });
    });
    await new Promise<void>((resolve) => rpServer.listen(0, '127.0.0.1', resolve));
    rpBase = `http://127.0.0.1:${(rpServer.address() as AddressInfo).port}`;

    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-oauth2-features-'));
    db = await createTestDatabase('authmesh_e2e_oauth2_features');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-oauth2-features-secret-key-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: PASSWORD,
        AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        // The relying party's logout endpoint is on loopback, which outbound requests refuse by default.
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const m of (await api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results) mappings.push(m.pk);
    const org = await api('POST', '/api/v3/propertymappings/scope/', {
      name: 'organisation',
      scope_name: 'org',
      description: 'Your department',
      expression:
        'return { department: "Engineering of " + request.user.username, ak_custom: { level: 3, teams: ["a", "b"] }, iss: "forged" };',
    });
    expect(org.status).toBe(201);
    mappings.push(org.body.pk);
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => rpServer?.close(resolve));
  });

  /** Runs the authorization code flow with PKCE in `browser`; counts the logins it had to go through. */
  async function codeFlow(config: oidc.Configuration, browser: FlowBrowser, params: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid email profile',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...params,
    });
    let logins = 0;
    const done = await follow(browser, url.href, async (slug, query) => {
      if (slug === LOGIN) {
        logins++;
        return logIn(browser, slug, query, 'akadmin', PASSWORD);
      }
      const challenge = await browser.start(slug, query);
      if (challenge.component === 'ak-stage-consent')
        return (await browser.submit(slug, { token: challenge.token }, query)).challenge.to as string;
      if (challenge.component === 'xak-flow-redirect') return challenge.to as string;
      throw new Error(`unexpected challenge ${JSON.stringify(challenge)}`);
    });
    expect(done.location).toMatch(/^https:\/\/rp\.example\.com\/callback\?/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(done.location as string), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    return { tokens, logins };
  }

  async function jwks(config: oidc.Configuration): Promise<JSONWebKeySet> {
    return (await (await fetch(config.serverMetadata().jwks_uri as string)).json()) as JSONWebKeySet;
  }

  async function verify(config: oidc.Configuration, jwt: string, set?: JSONWebKeySet) {
    const keys = createLocalJWKSet(set ?? (await jwks(config)));
    return (await jwtVerify(jwt, keys, { issuer: config.serverMetadata().issuer })).payload;
  }

  it('keeps publishing a replaced signing key until the tokens it signed have expired', async () => {
    const first = await signingKey('rotation first');
    const rp = await provider('rotation', { signing_key: first, access_token_validity: 'seconds=6' });
    const browser = new FlowBrowser(proc.baseUrl);
    const old = (await codeFlow(rp.config, browser)).tokens.id_token as string;
    expect(decodeProtectedHeader(old).kid).toBe(first);

    const second = await signingKey('rotation second');
    expect((await api('PATCH', `/api/v3/providers/oauth2/${rp.pk}/`, { signing_key: second })).status).toBe(200);
    let published = await jwks(rp.config);
    for (let i = 0; i < 50 && !published.keys.some((k) => k.kid === second); i++) {
      await new Promise((r) => setTimeout(r, 100));
      published = await jwks(rp.config);
    }
    expect(published.keys.map((k) => k.kid)).toEqual([second, first]);
    expect(published.keys.every((k) => k.d === undefined)).toBe(true);
    // The id_token signed before the rotation still verifies against the published keys.
    expect((await verify(rp.config, old, published)).sub).toBe('akadmin');

    const fresh = await codeFlow(rp.config, browser);
    expect(decodeProtectedHeader(fresh.tokens.id_token as string).kid).toBe(second);
    expect(decodeProtectedHeader(fresh.tokens.access_token).kid).toBe(second);
    await verify(rp.config, fresh.tokens.id_token as string);

    // After the retirement period (the six-second token validity) the old key is gone.
    await new Promise((r) => setTimeout(r, 6500));
    const after = await jwks(rp.config);
    expect(after.keys.map((k) => k.kid)).toEqual([second]);
    await expect(verify(rp.config, old, after)).rejects.toThrow();
  }, 90_000);

  it('posts a signed logout token to every relying party of the session when it ends', async () => {
    const one = await provider('bcl-one', { backchannel_logout_uri: `${rpBase}/one/backchannel`, signing_key: await signingKey('bcl') });
    const two = await provider('bcl-two', { backchannel_logout_uri: `${rpBase}/two/backchannel` });
    const browser = new FlowBrowser(proc.baseUrl);
    const first = (await codeFlow(one.config, browser)).tokens;
    const second = (await codeFlow(two.config, browser)).tokens;
    const sidOne = (await verify(one.config, first.id_token as string)).sid;
    expect(sidOne).toEqual(expect.any(String));
    logoutTokens.length = 0;

    const url = oidc.buildEndSessionUrl(one.config, { id_token_hint: first.id_token as string });
    const page = await browser.request('GET', url.pathname + url.search);
    const action = /action="([^"]+)"/.exec(String(page.body))?.[1] as string;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(String(page.body))?.[1];
    const ended = await browser.request('POST', new URL(action).pathname, `xsrf=${xsrf}&logout=yes`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(ended.status).toBe(303);

    expect(logoutTokens.map((t) => t.path).sort()).toEqual(['/one/backchannel', '/two/backchannel']);
    const tokenOne = logoutTokens.find((t) => t.path === '/one/backchannel')?.token as string;
    expect(decodeProtectedHeader(tokenOne)).toMatchObject({ alg: 'RS256', typ: 'logout+jwt' });
    const claims = await verify(one.config, tokenOne);
    expect(claims).toMatchObject({
      aud: one.config.clientMetadata().client_id,
      sub: 'akadmin',
      sid: sidOne,
      events: { [LOGOUT_EVENT]: {} },
    });
    expect(claims.nonce).toBeUndefined();
    expect(claims.jti).toEqual(expect.any(String));
    // The other party's token comes from its own issuer, keyed with its client secret (it has no signing key).
    const tokenTwo = logoutTokens.find((t) => t.path === '/two/backchannel')?.token as string;
    const claimsTwo = (
      await jwtVerify(tokenTwo, new TextEncoder().encode(two.secret), { issuer: two.config.serverMetadata().issuer, algorithms: ['HS256'] })
    ).payload;
    expect(claimsTwo).toMatchObject({ aud: two.config.clientMetadata().client_id, sub: 'akadmin', events: { [LOGOUT_EVENT]: {} } });
    expect(claimsTwo.sid).toBe((await jwtVerify(second.id_token as string, new TextEncoder().encode(two.secret))).payload.sid);
    // Logging out ended the grants.
    await expect(oidc.fetchUserInfo(two.config, second.access_token, 'akadmin')).rejects.toBeDefined();
  }, 60_000);

  it('refuses a back-channel logout URI that is not http(s)', async () => {
    const flow = (await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).body.pk;
    const res = await api('POST', '/api/v3/providers/oauth2/', {
      name: 'bad logout',
      authorization_flow: flow,
      backchannel_logout_uri: 'javascript:alert(1)',
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['backchannel_logout_uri']);
  });

  it('issues access tokens as JWTs signed with the provider key that work at userinfo and introspection until revoked', async () => {
    const rp = await provider('jwt-at', { signing_key: await signingKey('jwt at') });
    const { tokens } = await codeFlow(rp.config, new FlowBrowser(proc.baseUrl));
    const clientId = rp.config.clientMetadata().client_id;
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = await verify(rp.config, tokens.access_token);
    expect(claims).toMatchObject({
      sub: 'akadmin',
      aud: clientId,
      azp: clientId,
      scope: 'openid email profile',
      email: 'root@example.com',
      preferred_username: 'akadmin',
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect(await oidc.fetchUserInfo(rp.config, tokens.access_token, 'akadmin')).toMatchObject({ email: 'root@example.com' });
    expect(await oidc.tokenIntrospection(rp.config, tokens.access_token)).toMatchObject({ active: true, sub: 'akadmin' });

    // A token with its claims changed and signed with another key is nothing.
    const forged = await new SignJWT({ ...claims, scope: 'openid email profile admin' })
      .setProtectedHeader(decodeProtectedHeader(tokens.access_token) as { alg: string })
      .sign(createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' })));
    await expect(oidc.fetchUserInfo(rp.config, forged, 'akadmin')).rejects.toBeDefined();
    expect((await oidc.tokenIntrospection(rp.config, forged)).active).toBe(false);
    // The token id inside the JWT is no token on its own.
    await expect(oidc.fetchUserInfo(rp.config, String(claims.jti), 'akadmin')).rejects.toBeDefined();

    await oidc.tokenRevocation(rp.config, tokens.access_token);
    expect((await oidc.tokenIntrospection(rp.config, tokens.access_token)).active).toBe(false);
    await expect(oidc.fetchUserInfo(rp.config, tokens.access_token, 'akadmin')).rejects.toBeDefined();

    const machine = await oidc.clientCredentialsGrant(rp.config, { scope: 'email' });
    expect(await verify(rp.config, machine.access_token)).toMatchObject({ sub: clientId, aud: clientId, scope: 'email' });
    expect((await oidc.tokenIntrospection(rp.config, machine.access_token)).active).toBe(true);
  }, 60_000);

  it('releases the claims a custom scope mapping answers, for the granted scope only', async () => {
    const rp = await provider('custom-claims', { signing_key: await signingKey('custom claims') });
    const browser = new FlowBrowser(proc.baseUrl);
    const { tokens } = await codeFlow(rp.config, browser, { scope: 'openid email org' });
    const idToken = await verify(rp.config, tokens.id_token as string);
    expect(idToken).toMatchObject({
      department: 'Engineering of akadmin',
      ak_custom: { level: 3, teams: ['a', 'b'] },
      email: 'root@example.com',
    });
    // A mapping never overrides a protocol claim.
    expect(idToken.iss).toBe(rp.config.serverMetadata().issuer);
    expect(await oidc.fetchUserInfo(rp.config, tokens.access_token, 'akadmin')).toMatchObject({
      department: 'Engineering of akadmin',
      ak_custom: { level: 3, teams: ['a', 'b'] },
    });
    expect(await verify(rp.config, tokens.access_token)).toMatchObject({ department: 'Engineering of akadmin' });

    const without = (await codeFlow(rp.config, browser, { scope: 'openid email' })).tokens;
    expect((await verify(rp.config, without.id_token as string)).department).toBeUndefined();
    expect((await oidc.fetchUserInfo(rp.config, without.access_token, 'akadmin')).department).toBeUndefined();

    // With claims kept out of the id_token, userinfo still has them.
    const lean = await provider('custom-lean', { include_claims_in_id_token: false, signing_key: await signingKey('lean') });
    const leanTokens = (await codeFlow(lean.config, browser, { scope: 'openid org' })).tokens;
    expect((await verify(lean.config, leanTokens.id_token as string)).department).toBeUndefined();
    expect(await oidc.fetchUserInfo(lean.config, leanTokens.access_token, 'akadmin')).toMatchObject({
      department: 'Engineering of akadmin',
    });
  }, 60_000);

  it("answers GitHub's token endpoint as a form unless JSON is asked for, errors included", async () => {
    const rp = await provider('github-form');
    const { client_id } = rp.config.clientMetadata();
    const browser = new FlowBrowser(proc.baseUrl);
    const code = async (state: string) => {
      const query = new URLSearchParams({ client_id, redirect_uri: REDIRECT, scope: 'openid email', state });
      const done = await follow(browser, `/login/oauth/authorize?${query}`, async (slug, flowQuery) => {
        if (slug === LOGIN) return logIn(browser, slug, flowQuery, 'akadmin', PASSWORD);
        const challenge = await browser.start(slug, flowQuery);
        if (challenge.component === 'ak-stage-consent')
          return (await browser.submit(slug, { token: challenge.token }, flowQuery)).challenge.to as string;
        return challenge.to as string;
      });
      return new URL(done.location as string).searchParams.get('code') as string;
    };
    const exchange = (fields: Record<string, string>, accept?: string) =>
      fetch(`${proc.baseUrl}/login/oauth/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(accept ? { accept } : {}) },
        body: new URLSearchParams({ client_id, client_secret: rp.secret, redirect_uri: REDIRECT, ...fields }),
      });

    const form = await exchange({ code: await code('f1') });
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    const answer = new URLSearchParams(await form.text());
    expect(answer.get('access_token')).toBeTruthy();
    expect(answer.get('token_type')).toMatch(/^bearer$/i);
    expect(answer.get('scope')).toBe('openid email');
    const user = await fetch(`${proc.baseUrl}/user`, { headers: { authorization: `token ${answer.get('access_token')}` } });
    expect(await user.json()).toMatchObject({ login: 'akadmin' });

    const formError = await exchange({ code: 'not-a-code' });
    expect(formError.status).toBe(400);
    expect(formError.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(await formError.text()).get('error')).toBe('invalid_grant');

    const json = await exchange({ code: await code('j1') }, 'application/json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await json.json()) as { access_token: string }).access_token).toBeTruthy();
    const jsonError = await exchange({ code: 'not-a-code' }, 'application/json');
    expect(((await jsonError.json()) as { error: string }).error).toBe('invalid_grant');
  }, 60_000);

  it('asks for a new login when max_age=0 or prompt=login, not without them, and never shows anything for prompt=none', async () => {
    const rp = await provider('max-age');
    const browser = new FlowBrowser(proc.baseUrl);
    const silent = oidc.buildAuthorizationUrl(rp.config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 'none-1',
      prompt: 'none',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const noSession = await follow(browser, silent.href, async () => {
      throw new Error('prompt=none must not show a flow');
    });
    expect(noSession.location).toMatch(/^https:\/\/rp\.example\.com\/callback\?.*error=login_required/);
    const first = await codeFlow(rp.config, browser);
    expect(first.logins).toBe(1);
    const again = await codeFlow(rp.config, browser);
    expect(again.logins).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    const asked = Math.floor(Date.now() / 1000);
    const forced = await codeFlow(rp.config, browser, { max_age: '0' });
    expect(forced.logins).toBe(1);
    // max_age makes auth_time part of the id_token; it is the new login's time.
    expect(Number(forced.tokens.claims()?.auth_time)).toBeGreaterThanOrEqual(asked);
    expect((await codeFlow(rp.config, browser, { prompt: 'login' })).logins).toBe(1);
  }, 60_000);

  it('takes a request object signed with the client secret and refuses one signed with an unregistered key', async () => {
    const rp = await provider('jar');
    const { client_id } = rp.config.clientMetadata();
    const issuer = rp.config.serverMetadata().issuer;
    const payload = {
      client_id,
      iss: client_id,
      aud: issuer,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      state: 'jar-1',
    };
    const authorize = (request: string) =>
      fetch(`${proc.baseUrl}/application/o/authorize/?client_id=${client_id}&request=${request}`, { redirect: 'manual' });

    const stranger = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' })));
    const refused = await authorize(stranger);
    const location = refused.headers.get('location') ?? '';
    expect(location).not.toMatch(/[?&]code=/);
    if (location) expect(location).toMatch(/error=invalid_request_object/);
    else expect(refused.status).toBeGreaterThanOrEqual(400);

    const signed = await new SignJWT({
      ...payload,
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(rp.secret));
    const accepted = await authorize(signed);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toMatch(/^\/application\/o\/interaction\/[\w-]+\/$/);
  });
});
