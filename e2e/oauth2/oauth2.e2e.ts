import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';
import { flowTarget, follow, logIn } from './oauth2-support.js';

const TOKEN = 'e2e-oauth2-token-0123456789abcdef';
const PASSWORD = 'e2e oauth2 password 1';
const LOGIN = 'default-authentication-flow';
const CONSENT = 'default-provider-authorization-explicit-consent';
const REDIRECT = 'https://rp.example.com/callback';

/** An application registering against authmesh with openid-client, as it would against the reference product. */
describe('OAuth2 / OpenID Connect provider', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let rp: oidc.Configuration;
  let other: oidc.Configuration;
  let clientSecret: string;
  const insecure = { execute: [oidc.allowInsecureRequests] };

  async function provider(name: string, slug: string, fields: Record<string, unknown> = {}) {
    const flow = (await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).body.pk;
    const scopes = (await api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results.map(
      (m: { pk: string }) => m.pk,
    );
    const created = await api('POST', '/api/v3/providers/oauth2/', {
      name,
      authorization_flow: flow,
      redirect_uris: [{ matching_mode: 'strict', url: REDIRECT }],
      property_mappings: scopes,
      sub_mode: 'user_username',
      ...fields,
    });
    expect(created.status).toBe(201);
    expect((await api('POST', '/api/v3/core/applications/', { name, slug, provider: created.body.pk })).status).toBe(201);
    return created.body as { pk: number; client_id: string; client_secret: string };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-oauth2-'));
    db = await createTestDatabase('authmesh_e2e_oauth2');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-oauth2-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: PASSWORD,
        AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${CONSENT}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const key = await api('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
      common_name: 'oauth2 e2e',
      subject_alt_name: '',
      validity_days: 30,
      alg: 'rsa',
    });
    const created = await provider('Relying party', 'rp', { signing_key: key.body.pk });
    clientSecret = created.client_secret;
    rp = await oidc.discovery(new URL(`${proc.baseUrl}/application/o/rp/`), created.client_id, clientSecret, undefined, insecure);
    const second = await provider('Other party', 'other');
    other = await oidc.discovery(
      new URL(`${proc.baseUrl}/application/o/other/`),
      second.client_id,
      second.client_secret,
      undefined,
      insecure,
    );
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the authorization code flow in a browser with a cookie jar; answers the callback URL the RP receives. */
  async function authorize(config: oidc.Configuration, browser: FlowBrowser, params: Record<string, string>) {
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid email profile', ...params });
    let consentAsked = false;
    const result = await follow(browser, url.href, async (slug, query) => {
      if (slug === LOGIN) return logIn(browser, slug, query, 'akadmin', PASSWORD);
      const challenge = await browser.start(slug, query);
      if (challenge.component === 'ak-stage-consent') {
        consentAsked = true;
        const granted = await browser.submit(slug, { token: challenge.token }, query);
        return granted.challenge.to as string;
      }
      if (challenge.component === 'xak-flow-redirect') return challenge.to as string;
      throw new Error(`unexpected challenge ${JSON.stringify(challenge)}`);
    });
    return { ...result, consentAsked };
  }

  async function codeFlow(
    config: oidc.Configuration,
    browser = new FlowBrowser(proc.baseUrl),
    scope = 'openid email profile offline_access',
  ) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const done = await authorize(config, browser, {
      scope,
      state,
      prompt: 'consent',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    expect(done.location).toMatch(/^https:\/\/rp\.example\.com\/callback\?/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(done.location as string), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    return { tokens, browser, consentAsked: done.consentAsked, callback: done.location as string, verifier, state };
  }

  it('publishes discovery at the application path with the reference product endpoints', async () => {
    const meta = rp.serverMetadata();
    expect(meta.issuer).toBe(`${proc.baseUrl}/application/o/rp/`);
    expect(meta.authorization_endpoint).toBe(`${proc.baseUrl}/application/o/authorize/`);
    expect(meta.token_endpoint).toBe(`${proc.baseUrl}/application/o/token/`);
    expect(meta.userinfo_endpoint).toBe(`${proc.baseUrl}/application/o/userinfo/`);
    expect(meta.introspection_endpoint).toBe(`${proc.baseUrl}/application/o/introspect/`);
    expect(meta.revocation_endpoint).toBe(`${proc.baseUrl}/application/o/revoke/`);
    expect(meta.jwks_uri).toBe(`${proc.baseUrl}/application/o/rp/jwks/`);
    expect(meta.end_session_endpoint).toBe(`${proc.baseUrl}/application/o/rp/end-session/`);
    expect(meta.code_challenge_methods_supported).toContain('S256');
    const jwks = (await (await fetch(meta.jwks_uri as string)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('logs in through the flow executor, asks consent, and issues tokens for code + PKCE', async () => {
    const { tokens, consentAsked } = await codeFlow(rp);
    expect(consentAsked).toBe(true);
    const claims = tokens.claims();
    expect(claims?.sub).toBe('akadmin');
    expect(claims?.iss).toBe(`${proc.baseUrl}/application/o/rp/`);
    expect(tokens.refresh_token).toBeDefined();
    const info = await oidc.fetchUserInfo(rp, tokens.access_token, 'akadmin');
    expect(info).toMatchObject({ sub: 'akadmin', email: 'root@example.com', preferred_username: 'akadmin', email_verified: true });
    const events = (await api('GET', '/api/v3/events/events/?action=authorize_application')).body.results;
    expect(events.length).toBeGreaterThan(0);
  });

  it('names the impersonating admin, on behalf of the user, in the authorization event', async () => {
    const target = await api('POST', '/api/v3/core/users/', {
      username: 'impersonated-rp-user',
      name: 'Impersonated',
      email: 'imp@example.com',
    });
    expect(target.status).toBe(201);
    const browser = new FlowBrowser(proc.baseUrl);
    await logIn(browser, LOGIN, '', 'akadmin', PASSWORD);
    // As the web interface does: the login's CSRF cookie repeated in the header.
    const csrf = browser.cookies.get('authmesh_csrf') ?? '';
    const started = await browser.request('POST', `/api/v3/core/users/${target.body.pk}/impersonate/`, {}, { 'x-csrftoken': csrf });
    expect(started.status).toBe(204);

    const { tokens } = await codeFlow(rp, browser);
    expect(tokens.claims()?.sub).toBe('impersonated-rp-user');
    const events = (await api('GET', '/api/v3/events/events/?action=authorize_application&page_size=100')).body.results as Array<{
      user: { username: string; on_behalf_of?: { username: string } };
    }>;
    expect(events.find((e) => e.user.on_behalf_of?.username === 'impersonated-rp-user')?.user.username).toBe('akadmin');
  });

  it('rotates refresh tokens and revokes the family when a rotated one is reused', async () => {
    const { tokens } = await codeFlow(rp);
    const first = tokens.refresh_token as string;
    const rotated = await oidc.refreshTokenGrant(rp, first);
    expect(rotated.refresh_token).toBeDefined();
    expect(rotated.refresh_token).not.toBe(first);
    await expect(oidc.refreshTokenGrant(rp, first)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(rp, rotated.refresh_token as string)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await oidc.tokenIntrospection(rp, rotated.access_token)).active).toBe(false);
    let events: unknown[] = [];
    for (let i = 0; i < 50 && events.length === 0; i++) {
      events = (await api('GET', '/api/v3/events/events/?action=suspicious_request')).body.results;
      if (events.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(events.length).toBeGreaterThan(0);
  });

  it('issues client credentials tokens for the configured scopes only', async () => {
    const tokens = await oidc.clientCredentialsGrant(rp, { scope: 'email' });
    expect(tokens.access_token).toBeDefined();
    expect((await oidc.tokenIntrospection(rp, tokens.access_token)).active).toBe(true);
    await expect(oidc.clientCredentialsGrant(rp, { scope: 'admin' })).rejects.toMatchObject({ error: 'invalid_scope' });
    const wrong = await oidc.discovery(
      new URL(`${proc.baseUrl}/application/o/rp/`),
      rp.clientMetadata().client_id,
      'wrong',
      undefined,
      insecure,
    );
    // A wrong secret answers 401 invalid_client with a Basic challenge.
    await expect(oidc.clientCredentialsGrant(wrong, { scope: 'email' })).rejects.toMatchObject({ status: 401 });
  });

  it("issues tokens for a user's app password, as client credentials with username and password or as the password grant", async () => {
    const account = await api('POST', '/api/v3/core/users/service_account/', { name: 'ci-bot', create_group: false, expiring: false });
    expect(account.status).toBe(200);
    const { username, token } = account.body as { username: string; token: string };
    const tokens = await oidc.clientCredentialsGrant(rp, { scope: 'email', username, password: token });
    expect(await oidc.tokenIntrospection(rp, tokens.access_token)).toMatchObject({ active: true, sub: 'ci-bot', scope: 'email' });
    const viaPassword = await oidc.genericGrantRequest(rp, 'password', { username, password: token, scope: 'profile' });
    expect((await oidc.tokenIntrospection(rp, viaPassword.access_token)).active).toBe(true);
    await expect(oidc.clientCredentialsGrant(rp, { scope: 'email', username, password: `${token}x` })).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(oidc.clientCredentialsGrant(rp, { scope: 'email', username: 'akadmin', password: token })).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(oidc.clientCredentialsGrant(rp, { scope: 'admin', username, password: token })).rejects.toMatchObject({
      error: 'invalid_scope',
    });
  });

  it('accepts PKCE plain (and a challenge without a method) by its exact verifier only', async () => {
    for (const method of ['plain', undefined]) {
      const verifier = oidc.randomPKCECodeVerifier();
      const done = await authorize(rp, new FlowBrowser(proc.baseUrl), {
        state: 'p1',
        code_challenge: verifier,
        ...(method ? { code_challenge_method: method } : {}),
      });
      await expect(
        oidc.authorizationCodeGrant(rp, new URL(done.location as string), {
          expectedState: 'p1',
          pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
        }),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
      const again = await authorize(rp, new FlowBrowser(proc.baseUrl), {
        state: 'p2',
        code_challenge: verifier,
        ...(method ? { code_challenge_method: method } : {}),
      });
      const tokens = await oidc.authorizationCodeGrant(rp, new URL(again.location as string), {
        expectedState: 'p2',
        pkceCodeVerifier: verifier,
      });
      expect(tokens.access_token).toBeDefined();
    }
  });

  it('answers implicit and hybrid requests in the fragment to an https redirect URI', async () => {
    const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    const implicit = await authorize(rp, new FlowBrowser(proc.baseUrl), { response_type: 'id_token token', nonce: 'n-1', state: 'i1' });
    const fragment = new URLSearchParams(new URL(implicit.location as string).hash.slice(1));
    expect(fragment.get('state')).toBe('i1');
    expect(fragment.get('access_token')).toBeTruthy();
    expect(decode(fragment.get('id_token') as string)).toMatchObject({ nonce: 'n-1', sub: 'akadmin', aud: rp.clientMetadata().client_id });
    expect(await oidc.fetchUserInfo(rp, fragment.get('access_token') as string, 'akadmin')).toMatchObject({ email: 'root@example.com' });

    const hybrid = await authorize(rp, new FlowBrowser(proc.baseUrl), { response_type: 'code id_token', nonce: 'n-2', state: 'h1' });
    const parts = new URLSearchParams(new URL(hybrid.location as string).hash.slice(1));
    expect(parts.get('code')).toBeTruthy();
    expect(decode(parts.get('id_token') as string)).toMatchObject({ nonce: 'n-2', c_hash: expect.any(String) });
  });

  /** A browser logged in as akadmin (the authentication flow, driven through the executor API). */
  async function loggedIn(): Promise<FlowBrowser> {
    const browser = new FlowBrowser(proc.baseUrl);
    await logIn(browser, LOGIN, '', 'akadmin', PASSWORD);
    return browser;
  }

  /** A new application for a device, so no earlier test's consent skips the question. */
  async function deviceClient(name: string, slug: string): Promise<oidc.Configuration> {
    const created = await provider(name, slug);
    return oidc.discovery(new URL(`${proc.baseUrl}/application/o/${slug}/`), created.client_id, created.client_secret, undefined, insecure);
  }

  /** Opens a verification URI and answers where it leads: the device code flow's slug and query. */
  async function openDevicePage(browser: FlowBrowser, uri: string) {
    const opened = await browser.request('GET', uri.slice(proc.baseUrl.length));
    expect(opened.status).toBe(302);
    const target = flowTarget(opened.headers.get('location') as string);
    if (!target) throw new Error(`not a flow: ${opened.headers.get('location')}`);
    return target;
  }

  it('signs a device in: /device asks for a login, then the code in the flow executor, then the authorization flow', async () => {
    const tv = await deviceClient('Living room TV', 'living-room-tv');
    await expect(oidc.initiateDeviceAuthorization(tv, { scope: 'openid admin' })).rejects.toMatchObject({ error: 'invalid_scope' });
    const device = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid email' });
    expect(device.verification_uri).toBe(`${proc.baseUrl}/device`);
    expect(device.verification_uri_complete).toBe(`${proc.baseUrl}/device?code=${device.user_code}`);
    expect(device.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);

    // Without a session, /device sends the browser to the login first and comes back after it.
    const browser = new FlowBrowser(proc.baseUrl);
    const login = await openDevicePage(browser, device.verification_uri_complete as string);
    expect(login.slug).toBe(LOGIN);
    const back = await logIn(browser, login.slug, login.query, 'akadmin', PASSWORD);
    expect(back).toBe(`/device?code=${device.user_code}`);
    const flow = await openDevicePage(browser, `${proc.baseUrl}${back}`);
    expect(flow).toEqual({ slug: 'default-device-code-flow', query: `code=${device.user_code}` });

    const asked = await browser.start(flow.slug, flow.query);
    expect(asked).toMatchObject({ component: 'ak-provider-oauth2-device-code', code: device.user_code });
    const wrong = await browser.submit(flow.slug, { component: 'ak-provider-oauth2-device-code', code: 'BCDF-GHJK' }, flow.query);
    expect(wrong.challenge.component).toBe('ak-provider-oauth2-device-code');
    expect(wrong.challenge.response_errors.code[0].string).toMatch(/not valid/);

    const accepted = await browser.submit(flow.slug, { code: device.user_code.toLowerCase() }, flow.query);
    expect(accepted.challenge).toMatchObject({ component: 'xak-flow-redirect', to: `/if/flow/${CONSENT}/` });
    const consent = await browser.start(CONSENT);
    expect(consent.component).toBe('ak-stage-consent');
    expect(consent.flow_info.title).toContain('Living room TV');
    const finished = await browser.submit(CONSENT, { token: consent.token });
    expect(finished.challenge).toMatchObject({ component: 'ak-provider-oauth2-device-code-finish', application_name: 'Living room TV' });

    const tokens = await oidc.pollDeviceAuthorizationGrant(tv, device);
    expect(tokens.claims()?.sub).toBe('akadmin');
    expect(await oidc.fetchUserInfo(tv, tokens.access_token, 'akadmin')).toMatchObject({ email: 'root@example.com' });

    // The code was used: entering it again is a field error, and changes nothing.
    const again = await loggedIn();
    const second = await openDevicePage(again, device.verification_uri as string);
    expect(second.query).toBe('');
    const reused = await again.submit(second.slug, { code: device.user_code }, second.query);
    expect(reused.challenge.response_errors.code[0].string).toMatch(/not valid/);
  }, 90_000);

  it('fails the device with access_denied when the user cancels the authorization flow', async () => {
    // An application nobody consented to yet, so the authorization flow stops at the consent.
    const tv = await deviceClient('Device cancel', 'device-cancel');
    const device = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid' });
    const browser = await loggedIn();
    const flow = await openDevicePage(browser, device.verification_uri_complete as string);
    const accepted = await browser.submit(flow.slug, { code: device.user_code }, flow.query);
    expect(accepted.challenge.to).toBe(`/if/flow/${CONSENT}/`);
    expect((await browser.start(CONSENT)).component).toBe('ak-stage-consent');
    expect((await browser.request('GET', '/flows/-/cancel/')).status).toBe(302);
    await expect(oidc.pollDeviceAuthorizationGrant(tv, device)).rejects.toMatchObject({ error: 'access_denied' });
  }, 60_000);

  it("lets the application's policies decide: a denied user sees why, and the device gets access_denied", async () => {
    const tv = await deviceClient('Staff TV', 'staff-tv');
    const app = (await api('GET', '/api/v3/core/applications/staff-tv/')).body;
    const policy = await api('POST', '/api/v3/policies/expression/', {
      name: 'staff-tv-nobody',
      expression: 'ak_message("Staff only."); return false;',
    });
    expect(policy.status).toBe(201);
    expect((await api('POST', '/api/v3/policies/bindings/', { policy: policy.body.pk, target: app.pk, order: 0 })).status).toBe(201);
    const device = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid' });
    const browser = await loggedIn();
    const flow = await openDevicePage(browser, device.verification_uri_complete as string);
    await browser.submit(flow.slug, { code: device.user_code }, flow.query);
    const consent = await browser.start(CONSENT);
    const denied = await browser.submit(CONSENT, { token: consent.token });
    expect(denied.challenge).toMatchObject({ component: 'ak-stage-access-denied', error_message: 'Staff only.' });
    await expect(oidc.pollDeviceAuthorizationGrant(tv, device)).rejects.toMatchObject({ error: 'access_denied' });
  }, 60_000);

  it("runs the brand's own device code flow first, then asks for the code", async () => {
    const flow = await api('POST', '/api/v3/flows/instances/', {
      name: 'TV login',
      slug: 'tv-device-code',
      title: 'Connect your TV',
      designation: 'stage_configuration',
    });
    const stage = await api('POST', '/api/v3/stages/dummy/', { name: 'tv-device-notice' });
    await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
    const brand = (await api('GET', '/api/v3/core/brands/')).body.results.find((b: { default: boolean }) => b.default);
    expect((await api('PATCH', `/api/v3/core/brands/${brand.brand_uuid}/`, { flow_device_code: flow.body.pk })).status).toBe(200);
    try {
      const device = await oidc.initiateDeviceAuthorization(rp, { scope: 'openid' });
      const browser = await loggedIn();
      const target = await openDevicePage(browser, device.verification_uri_complete as string);
      expect(target.slug).toBe('tv-device-code');
      const first = await browser.start(target.slug, target.query);
      expect(first).toMatchObject({ component: 'ak-stage-dummy', flow_info: { title: 'Connect your TV' } });
      const asked = await browser.submit(target.slug, {}, target.query);
      expect(asked.challenge).toMatchObject({ component: 'ak-provider-oauth2-device-code', code: device.user_code });
      const accepted = await browser.submit(target.slug, { code: device.user_code }, target.query);
      expect(accepted.challenge.to).toBe(`/if/flow/${CONSENT}/`);
    } finally {
      await api('PATCH', `/api/v3/core/brands/${brand.brand_uuid}/`, { flow_device_code: null });
    }
  }, 60_000);

  it('sends links to the old verification page to /device', async () => {
    const res = await new FlowBrowser(proc.baseUrl).request('GET', '/application/o/device/verify/?user_code=BCDF-GHJK');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/device?code=BCDF-GHJK');
  });

  it('takes pushed authorization requests and binds tokens to a DPoP key', async () => {
    const verifier = oidc.randomPKCECodeVerifier();
    const dpop = oidc.getDPoPHandle(rp, await oidc.randomDPoPKeyPair('ES256'));
    const url = await oidc.buildAuthorizationUrlWithPAR(rp, {
      redirect_uri: REDIRECT,
      scope: 'openid email',
      state: 'par-1',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    const browser = new FlowBrowser(proc.baseUrl);
    const done = await follow(browser, url.href, async (slug, query) => {
      if (slug === LOGIN) return logIn(browser, slug, query, 'akadmin', PASSWORD);
      const challenge = await browser.start(slug, query);
      if (challenge.component === 'ak-stage-consent')
        return (await browser.submit(slug, { token: challenge.token }, query)).challenge.to as string;
      return challenge.to as string;
    });
    const tokens = await oidc.authorizationCodeGrant(
      rp,
      new URL(done.location as string),
      { pkceCodeVerifier: verifier, expectedState: 'par-1' },
      undefined,
      {
        DPoP: dpop,
      },
    );
    expect(tokens.token_type.toLowerCase()).toBe('dpop');
    expect(await oidc.fetchUserInfo(rp, tokens.access_token, 'akadmin', { DPoP: dpop })).toMatchObject({ email: 'root@example.com' });
    // Without the key's proof the token is useless.
    await expect(oidc.fetchUserInfo(rp, tokens.access_token, 'akadmin')).rejects.toBeDefined();
  });

  it('serves GitHub-compatible endpoints: /login/oauth/authorize, /login/oauth/access_token, /user and /user/teams', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const { client_id, client_secret } = rp.clientMetadata() as { client_id: string; client_secret: string };
    const query = new URLSearchParams({ client_id, redirect_uri: REDIRECT, scope: 'openid email', state: 'gh-1' });
    const done = await follow(browser, `/login/oauth/authorize?${query}`, async (slug, flowQuery) => {
      if (slug === LOGIN) return logIn(browser, slug, flowQuery, 'akadmin', PASSWORD);
      const challenge = await browser.start(slug, flowQuery);
      if (challenge.component === 'ak-stage-consent')
        return (await browser.submit(slug, { token: challenge.token }, flowQuery)).challenge.to as string;
      return challenge.to as string;
    });
    const code = new URL(done.location as string).searchParams.get('code') as string;
    expect(code).toBeTruthy();
    // GitHub clients post their credentials in the form.
    const token = await fetch(`${proc.baseUrl}/login/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ client_id, client_secret, code, redirect_uri: REDIRECT }),
    });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const user = await fetch(`${proc.baseUrl}/user`, { headers: { authorization: `token ${access_token}` } });
    expect(await user.json()).toMatchObject({ login: 'akadmin', email: 'root@example.com', type: 'User' });
    const teams = await fetch(`${proc.baseUrl}/user/teams`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(((await teams.json()) as Array<{ name: string }>).map((t) => t.name)).toContain('authmesh Admins');
    expect((await fetch(`${proc.baseUrl}/user`, { headers: { authorization: 'token not-a-token' } })).status).toBe(401);
    expect((await fetch(`${proc.baseUrl}/user`)).status).toBe(401);
    const wrongSecret = await fetch(`${proc.baseUrl}/login/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id, client_secret: 'wrong', code, redirect_uri: REDIRECT }),
    });
    expect(wrongSecret.status).toBe(401);
  });

  it('lets application policies decide every grant: a denying policy stops client credentials and authorization', async () => {
    const app = (await api('GET', '/api/v3/core/applications/other/')).body;
    const policy = await api('POST', '/api/v3/policies/expression/', { name: 'nobody', expression: 'return false;' });
    expect(policy.status).toBe(201);
    const binding = await api('POST', '/api/v3/policies/bindings/', { policy: policy.body.pk, target: app.pk, order: 0 });
    expect(binding.status).toBe(201);
    try {
      await expect(oidc.clientCredentialsGrant(other, { scope: 'email' })).rejects.toMatchObject({ error: 'invalid_grant' });
      const denied = await authorize(other, new FlowBrowser(proc.baseUrl), {
        state: 'd1',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      });
      expect(denied.location).toMatch(/[?&]error=access_denied/);
      expect(denied.location).not.toMatch(/[?&]code=/);
    } finally {
      await api('DELETE', `/api/v3/policies/bindings/${binding.body.pk}/`);
    }
    expect((await oidc.clientCredentialsGrant(other, { scope: 'email' })).access_token).toBeDefined();
  });

  it('introspects only its own tokens and revokes them', async () => {
    const { tokens } = await codeFlow(rp);
    expect(await oidc.tokenIntrospection(rp, tokens.access_token)).toMatchObject({
      active: true,
      client_id: rp.clientMetadata().client_id,
    });
    expect((await oidc.tokenIntrospection(other, tokens.access_token)).active).toBe(false);
    await oidc.tokenRevocation(rp, tokens.access_token);
    expect((await oidc.tokenIntrospection(rp, tokens.access_token)).active).toBe(false);
    await expect(oidc.fetchUserInfo(rp, tokens.access_token, 'akadmin')).rejects.toBeDefined();
  });

  it('ends the session at the application end-session endpoint and returns to a registered URI', async () => {
    const { tokens, browser } = await codeFlow(rp);
    const url = oidc.buildEndSessionUrl(rp, { id_token_hint: tokens.id_token as string, post_logout_redirect_uri: REDIRECT, state: 'bye' });
    const page = await browser.request('GET', url.pathname + url.search);
    expect(page.status).toBe(200);
    const action = /action="([^"]+)"/.exec(String(page.body))?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(String(page.body))?.[1];
    expect(action).toContain('/application/o/rp/end-session/');
    const confirmed = await browser.request('POST', new URL(action as string).pathname, `xsrf=${xsrf}&logout=yes`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${REDIRECT}?state=bye`);
  });

  describe('bad input', () => {
    it.each([
      ['an unregistered URI', 'https://evil.example.com/callback'],
      ['a look-alike host', 'https://rp.example.com.evil.com/callback'],
      ['a longer path', 'https://rp.example.com/callback/../x'],
      ['a script URI', 'javascript:alert(1)'],
      ['a data URI', 'data:text/html,<script>alert(1)</script>'],
    ])('shows an error page at the provider for %s and never redirects', async (_what, redirect) => {
      const url = oidc.buildAuthorizationUrl(rp, { redirect_uri: redirect, scope: 'openid' });
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('redirect_uri');
    });

    it('shows an error page for an unknown client', async () => {
      const res = await fetch(
        `${proc.baseUrl}/application/o/authorize/?client_id=nobody&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code`,
        {
          redirect: 'manual',
        },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    });

    it('refuses a code without its PKCE verifier, and a verifier without a challenge', async () => {
      const browser = new FlowBrowser(proc.baseUrl);
      const verifier = oidc.randomPKCECodeVerifier();
      const withChallenge = await authorize(rp, browser, {
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 's1',
      });
      await expect(
        oidc.authorizationCodeGrant(rp, new URL(withChallenge.location as string), { expectedState: 's1' }),
      ).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      const without = await authorize(rp, browser, { state: 's2' });
      await expect(
        oidc.authorizationCodeGrant(rp, new URL(without.location as string), { expectedState: 's2', pkceCodeVerifier: verifier }),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('finishes an authorization only with the token the completed authorization flow reveals', async () => {
      const browser = new FlowBrowser(proc.baseUrl);
      const url = oidc.buildAuthorizationUrl(rp, {
        redirect_uri: REDIRECT,
        scope: 'openid',
        state: 'f1',
        code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      });
      const first = await browser.request('GET', url.pathname + url.search);
      const interaction = first.headers.get('location') as string;
      expect(interaction).toMatch(/^\/application\/o\/interaction\/[\w-]+\/$/);
      // Log in, but skip the consent flow and come back with a made-up completion token.
      const toLogin = (await browser.request('GET', interaction)).headers.get('location') as string;
      const login = /^\/if\/flow\/([-\w]+)\/\?(.*)$/.exec(toLogin) as RegExpExecArray;
      await logIn(browser, login[1], login[2], 'akadmin', PASSWORD);
      for (const forged of ['', '?done=', '?done=forged-token-0123456789']) {
        const res = await browser.request('GET', `${interaction}${forged}`);
        expect(res.headers.get('location')).toBe(`/if/flow/${CONSENT}/`);
      }
    });

    it('requires PKCE from public clients, which have no secret to authenticate with', async () => {
      const created = await provider('Public app', 'public-app', { client_type: 'public' });
      const pub = await oidc.discovery(
        new URL(`${proc.baseUrl}/application/o/public-app/`),
        created.client_id,
        undefined,
        oidc.None(),
        insecure,
      );
      const without = await authorize(pub, new FlowBrowser(proc.baseUrl), { state: 'pub-1' });
      expect(without.location).toMatch(/[?&]error=invalid_request/);
      expect(without.location).not.toMatch(/[?&]code=/);
      const verifier = oidc.randomPKCECodeVerifier();
      const withPkce = await authorize(pub, new FlowBrowser(proc.baseUrl), {
        state: 'pub-2',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const tokens = await oidc.authorizationCodeGrant(pub, new URL(withPkce.location as string), {
        pkceCodeVerifier: verifier,
        expectedState: 'pub-2',
      });
      expect(tokens.access_token).toBeDefined();
      // Client credentials are for confidential clients only.
      await expect(oidc.clientCredentialsGrant(pub, { scope: 'email' })).rejects.toMatchObject({
        error: expect.stringMatching(/^(invalid_request|unauthorized_client)$/),
      });
    });

    it('redeems a code once; reuse revokes what it issued', async () => {
      const { tokens, callback, verifier, state } = await codeFlow(rp);
      await expect(
        oidc.authorizationCodeGrant(rp, new URL(callback), { pkceCodeVerifier: verifier, expectedState: state }),
      ).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      expect((await oidc.tokenIntrospection(rp, tokens.access_token)).active).toBe(false);
    });

    it('binds a code to its client', async () => {
      const browser = new FlowBrowser(proc.baseUrl);
      const verifier = oidc.randomPKCECodeVerifier();
      const done = await authorize(rp, browser, {
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 's3',
      });
      const code = new URL(done.location as string).searchParams.get('code') as string;
      const res = await fetch(`${proc.baseUrl}/application/o/token/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${other.clientMetadata().client_id}:${other.clientMetadata().client_secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
    });

    it('never accepts an unsigned request object', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ client_id: rp.clientMetadata().client_id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid' }),
      ).toString('base64url');
      const url = `${proc.baseUrl}/application/o/authorize/?client_id=${rp.clientMetadata().client_id}&request=${header}.${payload}.`;
      const res = await fetch(url, { redirect: 'manual' });
      const location = res.headers.get('location') ?? '';
      // Either an error page or an error sent back to the registered URI; never a code.
      expect(location).not.toMatch(/[?&]code=/);
      if (location) expect(location).toMatch(/error=/);
      else expect(res.status).toBeGreaterThanOrEqual(400);
    });
  });
});
