import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-flows-token-0123456789abcdef';
const PASSWORD = 'e2e flows password 1';
const LOGIN = 'default-authentication-flow';
const LOGOUT = 'default-invalidation-flow';

/** Logging in and out through the default flows, as a browser does: cookies, 302s, challenges. */
describe('login and logout through the default flows', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-flows-'));
    db = await createTestDatabase('authmesh_e2e_flows');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-flows-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_PASSWORD: PASSWORD,
        AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
    // The default flows come from built-in blueprints applied at start.
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', `/api/v3/flows/instances/${LOGIN}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function login(browser: FlowBrowser, username: string, password: string, query = '') {
    const first = await browser.start(LOGIN, query);
    expect(first.component).toBe('ak-stage-identification');
    const identified = await browser.submit(LOGIN, { component: 'ak-stage-identification', uid_field: username }, query);
    expect(identified.challenge.component).toBe('ak-stage-password');
    return browser.submit(LOGIN, { component: 'ak-stage-password', password }, query);
  }

  it('shows the identification challenge and never advances on an empty or partial POST', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const challenge = await browser.start(LOGIN);
    expect(challenge).toMatchObject({
      type: 'native',
      component: 'ak-stage-identification',
      user_fields: ['email', 'username'],
      password_fields: false,
      flow_info: { title: 'Welcome to authmesh!', cancel_url: '/flows/-/cancel/' },
    });
    expect(browser.cookies.has('authmesh_flow')).toBe(true);
    for (const body of [{}, { component: 'ak-stage-identification' }, { uid_field: '' }, { uid_field: 42 }]) {
      const answer = await browser.submit(LOGIN, body);
      expect(answer.status).toBe(200);
      expect(answer.challenge.component).toBe('ak-stage-identification');
      expect(answer.challenge.response_errors.uid_field[0].string).toBe('This field is required.');
    }
    const garbage = await browser.request('POST', `/api/v3/flows/executor/${LOGIN}/`, '{not json', {});
    expect(garbage.status).toBe(400);
    expect((await browser.start(LOGIN)).component).toBe('ak-stage-identification');
  });

  it('logs in with the right password: a rotated session cookie, then the API accepts the cookie', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    const flowCookieBefore = browser.cookies.get('authmesh_flow');
    const done = await login(browser, 'akadmin', PASSWORD);
    expect(done.challenge).toEqual({ type: 'redirect', component: 'xak-flow-redirect', to: '/' });
    expect(browser.cookies.get('authmesh_flow')).not.toBe(flowCookieBefore);
    expect(browser.cookies.get('authmesh_session')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await browser.request('GET', '/api/v3/core/users/me/');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('akadmin');

    // Unsafe requests with the cookie need the CSRF header.
    const noCsrf = await browser.request('POST', '/api/v3/core/groups/', { name: 'from-cookie' });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await browser.request(
      'POST',
      '/api/v3/core/groups/',
      { name: 'from-cookie' },
      { 'x-csrftoken': browser.cookies.get('authmesh_csrf') ?? '' },
    );
    expect(withCsrf.status).toBe(201);

    const sessions = await browser.request('GET', '/api/v3/core/authenticated_sessions/');
    expect(sessions.body.results.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const known = new FlowBrowser(proc.baseUrl);
    const unknown = new FlowBrowser(proc.baseUrl);
    const a = await login(known, 'akadmin', 'wrong password');
    const b = await login(unknown, 'nobody-here', 'wrong password');
    expect(a.status).toBe(b.status);
    expect(a.challenge.response_errors).toEqual({ password: [{ string: 'Invalid password', code: 'invalid' }] });
    expect(b.challenge.response_errors).toEqual(a.challenge.response_errors);
    expect(Object.keys(b.challenge).sort()).toEqual(Object.keys(a.challenge).sort());
    expect([...unknown.cookies.keys()].sort()).toEqual([...known.cookies.keys()].sort());
    expect(known.cookies.has('authmesh_session')).toBe(false);
    // The failures are recorded with what was typed.
    let failed: any[] = [];
    for (let i = 0; i < 50 && failed.length < 2; i++) {
      failed = (await api('GET', '/api/v3/events/events/?action=login_failed')).body.results;
      if (failed.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(failed.map((e) => e.context.username).sort()).toEqual(['akadmin', 'nobody-here']);
  });

  it('refuses an oversized username before doing any password work', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    const long = await browser.submit(LOGIN, { uid_field: 'x'.repeat(5000) });
    expect(long.challenge.response_errors.uid_field[0].string).toMatch(/no more than 1024/);
    const huge = await browser.request('POST', `/api/v3/flows/executor/${LOGIN}/`, { uid_field: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
  });

  it('ends the flow after too many wrong passwords', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'akadmin' });
    let last;
    for (let i = 0; i < 5; i++) last = await browser.submit(LOGIN, { password: `wrong ${i}` });
    expect(last?.challenge).toMatchObject({ component: 'ak-stage-access-denied' });
    expect((await browser.start(LOGIN)).component).toBe('ak-stage-identification');
  });

  it('sends the browser to a local `next` after login and ignores one pointing elsewhere', async () => {
    const local = await login(new FlowBrowser(proc.baseUrl), 'root@example.com', PASSWORD, 'next=/if/admin/');
    expect(local.challenge.to).toBe('/if/admin/');
    const foreign = await login(new FlowBrowser(proc.baseUrl), 'akadmin', PASSWORD, 'next=//evil.example/');
    expect(foreign.challenge.to).toBe('/');
  });

  it('logs out through the invalidation flow and a revoked session stops working', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    await login(browser, 'akadmin', PASSWORD);
    const session = browser.cookies.get('authmesh_session') as string;
    const out = await browser.start(LOGOUT);
    expect(out).toMatchObject({ component: 'xak-flow-redirect' });
    expect(browser.cookies.has('authmesh_session')).toBe(false);
    const stale = await fetch(`${proc.baseUrl}/api/v3/core/users/me/`, { headers: { cookie: `authmesh_session=${session}` } });
    expect(stale.status).toBe(401);

    const other = new FlowBrowser(proc.baseUrl);
    await login(other, 'akadmin', PASSWORD);
    const mine = (await other.request('GET', '/api/v3/core/authenticated_sessions/')).body.results.find(
      (s: { current: boolean }) => s.current,
    );
    expect((await api('DELETE', `/api/v3/core/authenticated_sessions/${mine.uuid}/`)).status).toBe(204);
    expect((await other.request('GET', '/api/v3/core/users/me/')).status).toBe(401);
  });

  it('redirects the default-flow helpers and cancel', async () => {
    const browser = new FlowBrowser(proc.baseUrl);
    const helper = await browser.request('GET', '/flows/-/default/authentication/?next=/x');
    expect(helper.status).toBe(302);
    expect(helper.headers.get('location')).toBe(`/if/flow/${LOGIN}/?next=/x`);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'akadmin' });
    expect((await browser.request('GET', '/flows/-/cancel/')).status).toBe(302);
    expect((await browser.start(LOGIN)).component).toBe('ak-stage-identification');
    expect((await browser.request('GET', '/api/v3/flows/executor/no-such-flow/')).status).toBe(404);
  });

  it('answers the flow actions: diagram, execute link, used_by and the executor cache', async () => {
    const diagram = await api('GET', `/api/v3/flows/instances/${LOGIN}/diagram/`);
    expect(diagram.body.diagram).toContain('default-authentication-identification (identification)');
    expect((await api('GET', `/api/v3/flows/instances/${LOGIN}/execute/`)).body).toEqual({ link: `/if/flow/${LOGIN}/` });
    expect((await api('GET', `/api/v3/flows/instances/${LOGIN}/used_by/`)).status).toBe(200);
    expect((await api('GET', '/api/v3/flows/instances/cache_info/')).body.count).toBeGreaterThan(0);
    expect((await api('POST', '/api/v3/flows/instances/cache_clear/')).status).toBe(204);
    expect((await api('GET', '/api/v3/flows/instances/cache_info/')).body).toEqual({ count: 0 });
  });

  it('tests a policy for a user on the executor, for superusers only', async () => {
    const policy = await api('POST', '/api/v3/policies/dummy/', { name: 'always', result: true, wait_min: 0, wait_max: 0 });
    const tested = await api('POST', `/api/v3/policies/all/${policy.body.pk}/test/`, { user: 1, context: {} });
    expect(tested.body).toMatchObject({ passing: true, messages: [] });
    const bad = await api('POST', `/api/v3/policies/all/${policy.body.pk}/test/`, { user: 999999 });
    expect(bad.body).toEqual({ user: ['No such user.'] });
    const browser = new FlowBrowser(proc.baseUrl);
    await api('POST', '/api/v3/core/users/', { username: 'plain-user' });
    const plain = (await api('GET', '/api/v3/core/users/?username=plain-user')).body.results[0];
    await api('POST', `/api/v3/core/users/${plain.pk}/set_password/`, { password: 'plain password 1' });
    await login(browser, 'plain-user', 'plain password 1');
    const denied = await browser.request(
      'POST',
      `/api/v3/policies/all/${policy.body.pk}/test/`,
      { user: 1 },
      { 'x-csrftoken': browser.cookies.get('authmesh_csrf') ?? '' },
    );
    expect(denied.status).toBe(403);
  });

  it('shows an administrator their own execution in the inspector, with passwords masked', async () => {
    const admin = new FlowBrowser(proc.baseUrl);
    await login(admin, 'akadmin', PASSWORD);
    await admin.start(LOGIN);
    await admin.submit(LOGIN, { uid_field: 'someone' });
    const inspected = await admin.request('GET', `/api/v3/flows/inspector/${LOGIN}/`);
    expect(inspected.status).toBe(200);
    expect(inspected.body.current_plan.current_stage).toMatchObject({ type: 'password' });
    expect(inspected.body.current_plan.plan_context.pending_user_identifier).toBe('someone');
    expect((await new FlowBrowser(proc.baseUrl).request('GET', `/api/v3/flows/inspector/${LOGIN}/`)).status).toBe(401);
    const schema = (await fetch(`${proc.baseUrl}/api/v3/schema/`).then((r) => r.json())) as { paths: Record<string, unknown> };
    expect(Object.keys(schema.paths)).toEqual(expect.arrayContaining(['/api/v3/flows/executor/{slug}', '/api/v3/flows/inspector/{slug}']));
  });

  it('changes the logged-in user’s password through the default password change flow', async () => {
    await api('POST', '/api/v3/core/users/', { username: 'changer' });
    const user = (await api('GET', '/api/v3/core/users/?username=changer')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: 'old password 1' });
    const browser = new FlowBrowser(proc.baseUrl);
    expect(await browser.start('default-password-change')).toMatchObject({ component: 'ak-stage-access-denied' });
    await login(browser, 'changer', 'old password 1');
    const form = await browser.start('default-password-change');
    expect(form.fields.map((f: { field_key: string }) => f.field_key)).toEqual(['password', 'password_repeat']);
    const saved = await browser.submit('default-password-change', { password: 'new password 2', password_repeat: 'new password 2' });
    expect(saved.challenge.component).toBe('xak-flow-redirect');
    expect((await login(new FlowBrowser(proc.baseUrl), 'changer', 'new password 2')).challenge.component).toBe('xak-flow-redirect');
    expect((await login(new FlowBrowser(proc.baseUrl), 'changer', 'old password 1')).challenge.component).toBe('ak-stage-password');
  });

  it('gates flows with JavaScript expression policies in the sandbox, failing closed on loops and errors', async () => {
    const make = async (slug: string, expression: string) => {
      const flow = await api('POST', '/api/v3/flows/instances/', { name: slug, slug, title: slug, designation: 'authentication' });
      const stage = await api('POST', '/api/v3/stages/dummy/', { name: `${slug}-dummy` });
      await api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
      const policy = await api('POST', '/api/v3/policies/expression/', { name: `${slug}-policy`, expression });
      expect(policy.status).toBe(201);
      await api('POST', '/api/v3/policies/bindings/', { target: flow.body.pk, policy: policy.body.pk, order: 0, timeout: 5 });
    };
    await make(
      'expr-local',
      `const admin = await ak_user_by({ username: 'akadmin' });
       if (!ip_network('127.0.0.0/8').contains(ak_client_ip)) { ak_message('Only from this machine.'); return false; }
       return admin !== null && admin.is_superuser && regex_match(request.http_request.path, '^/api/v3/flows/executor/');`,
    );
    await make('expr-deny', `ak_message('Closed for maintenance.'); return false;`);
    await make('expr-loop', 'while (true) {}');
    await make('expr-throws', 'return request.user.username.length > 0;');
    expect((await new FlowBrowser(proc.baseUrl).start('expr-local')).component).toBe('ak-stage-dummy');
    expect(await new FlowBrowser(proc.baseUrl).start('expr-deny')).toMatchObject({
      component: 'ak-stage-access-denied',
      error_message: 'Closed for maintenance.',
    });
    expect((await new FlowBrowser(proc.baseUrl).start('expr-loop')).component).toBe('ak-stage-access-denied');
    expect((await new FlowBrowser(proc.baseUrl).start('expr-throws')).component).toBe('ak-stage-access-denied');

    // A result that depends on nothing but the user is cached per binding and user until the next change.
    expect((await api('GET', '/api/v3/policies/all/cache_info/')).body.count).toBeGreaterThan(0);
    expect((await api('POST', '/api/v3/policies/all/cache_clear/')).status).toBe(204);
    expect((await api('GET', '/api/v3/policies/all/cache_info/')).body).toEqual({ count: 0 });

    const python = await api('POST', '/api/v3/policies/expression/', { name: 'py', expression: 'return not request.user.is_superuser' });
    expect(python.status).toBe(400);
    expect(python.body.expression[0]).toMatch(/Python/);
    const broken = await api('POST', '/api/v3/policies/expression/', { name: 'broken', expression: 'return (' });
    expect(broken.body.expression[0]).toMatch(/Not a valid JavaScript expression/);
  });

  it('lets a user edit their own details in the user settings flow, starting from their current values', async () => {
    await api('POST', '/api/v3/core/users/', { username: 'settler', name: 'Old Name', email: 'old@example.com' });
    const user = (await api('GET', '/api/v3/core/users/?username=settler')).body.results[0];
    await api('POST', `/api/v3/core/users/${user.pk}/set_password/`, { password: 'settler password 1' });
    const browser = new FlowBrowser(proc.baseUrl);
    await login(browser, 'settler', 'settler password 1');
    const form = await browser.start('default-user-settings-flow');
    const initial = Object.fromEntries(
      form.fields.map((f: { field_key: string; initial_value: string }) => [f.field_key, f.initial_value]),
    );
    expect(initial).toEqual({ username: 'settler', name: 'Old Name', email: 'old@example.com', 'attributes.settings.locale': '' });
    const taken = await browser.submit('default-user-settings-flow', {
      username: 'akadmin',
      name: 'New',
      email: 'new@example.com',
      'attributes.settings.locale': 'de',
    });
    expect(taken.challenge.response_errors.username[0].string).toBe('This username is already taken.');
    const saved = await browser.submit('default-user-settings-flow', {
      username: 'settler',
      name: 'New Name',
      email: 'new@example.com',
      'attributes.settings.locale': 'de',
    });
    expect(saved.challenge.component).toBe('xak-flow-redirect');
    expect((await browser.request('GET', '/api/v3/core/users/me/')).body.user).toMatchObject({
      name: 'New Name',
      email: 'new@example.com',
      attributes: { settings: { locale: 'de' } },
    });
  });
});
