import pg from 'pg';
import { FlowClient, GrpcHost } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { FlowBrowser, startSmtpTestServer, type ServiceUnderTest, type TestDatabase } from '@authmesh/testing';
import { CoreStandIn, flowOf, policyBinding } from '../../test/core-stand-in.js';
import { startFlowsUnderTest, type FlowsUnderTest } from '../../test/flows-under-test.js';

const SECRET = 'flows-test-secret-key-long-enough-0123456789';

/** The planner and executor against a real database, with core answered by an in-memory stand-in. */
describe('flow executor', () => {
  const core = new CoreStandIn();
  let db: TestDatabase;
  let harness: FlowsUnderTest;
  let flows: ServiceUnderTest;
  let grpc: GrpcHost;

  beforeAll(async () => {
    harness = await startFlowsUnderTest('authmesh_flows', SECRET, core);
    ({ db, grpc, flows } = harness);
    core.addUser('1', 'alice', 'alice password', { groups: [{ pk: 'staff-group', name: 'staff' }] });
    core.addUser('2', 'bob', 'bob password', { is_superuser: false });
  });

  afterAll(async () => {
    await harness.stop();
  });

  const browser = () => new FlowBrowser(flows.baseUrl);
  const login = [
    { type: 'identification', settings: { user_fields: ['username'] } },
    { type: 'password', settings: { failed_attempts_before_cancel: 3 } },
    { type: 'user_login' },
  ];

  async function passwordLogin(b: FlowBrowser, slug: string, username: string, password: string) {
    await b.start(slug);
    await b.submit(slug, { uid_field: username });
    return b.submit(slug, { password });
  }

  it('runs identification, password and login, and only a stage answer moves the plan', async () => {
    core.flows.set('plain', flowOf('plain', login));
    const b = browser();
    expect((await b.start('plain')).component).toBe('ak-stage-identification');
    // A POST naming another stage's component is not an answer to this one.
    const wrong = await b.submit('plain', { component: 'ak-stage-password', password: 'alice password' });
    expect(wrong.challenge.component).toBe('ak-stage-identification');
    const done = await passwordLogin(b, 'plain', 'alice', 'alice password');
    expect(done.challenge).toEqual({ type: 'redirect', component: 'xak-flow-redirect', to: '/' });
    expect(core.sessions.get(b.cookies.get('authmesh_session') ?? '')).toBe('1');
  });

  it('denies a flow whose policy fails, or redirects to next when the denied action says so', async () => {
    const gated = flowOf('staff-only', login);
    gated.policy_bindings = [{ ...policyBinding(gated.pk, 'dummy', {}), policy: undefined, group_pk: 'staff-group' }];
    core.flows.set('staff-only', gated);
    const anonymous = await browser().start('staff-only');
    expect(anonymous).toMatchObject({ component: 'ak-stage-access-denied', error_message: 'You do not have access to this flow.' });
    const withNext = await browser().start('staff-only', 'next=/somewhere');
    expect(withNext).toEqual({ type: 'redirect', component: 'xak-flow-redirect', to: '/somewhere' });

    const b = browser();
    await passwordLogin(b, 'plain', 'alice', 'alice password');
    expect((await b.start('staff-only')).component).toBe('ak-stage-identification');
  });

  it('applies the authentication requirement', async () => {
    core.flows.set('members', flowOf('members', [{ type: 'dummy' }], { authentication: 'require_authenticated' }));
    core.flows.set(
      'guests',
      flowOf('guests', [{ type: 'dummy' }], { authentication: 'require_unauthenticated', denied_action: 'message' }),
    );
    expect((await browser().start('members')).component).toBe('ak-stage-access-denied');
    expect((await browser().start('guests')).component).toBe('ak-stage-dummy');
    const b = browser();
    await passwordLogin(b, 'plain', 'bob', 'bob password');
    expect((await b.start('members')).component).toBe('ak-stage-dummy');
    expect(await b.start('guests')).toMatchObject({ component: 'ak-stage-access-denied', error_message: 'You are already logged in.' });
  });

  it('skips stages whose policies fail, at plan time or when reached', async () => {
    const flow = flowOf('conditional', [
      { type: 'identification', settings: { user_fields: ['username'] } },
      { type: 'deny', settings: { deny_message: 'Bob may not pass.' }, binding: { re_evaluate_policies: true } },
      { type: 'dummy', binding: { evaluate_on_plan: true, re_evaluate_policies: false } },
    ]);
    const [, denyBinding, dummyBinding] = flow.bindings ?? [];
    flow.policy_bindings = [
      { ...policyBinding(denyBinding.pk ?? '', 'dummy', {}), policy: undefined, user_pk: '2' },
      policyBinding(dummyBinding.pk ?? '', 'dummy', { result: false, wait_min: 0, wait_max: 0 }),
    ];
    core.flows.set('conditional', flow);
    const alice = browser();
    await alice.start('conditional');
    // The deny stage is only for bob (checked when reached); the dummy stage was dropped at plan time.
    expect((await alice.submit('conditional', { uid_field: 'alice' })).challenge.component).toBe('xak-flow-redirect');
    const bob = browser();
    await bob.start('conditional');
    expect((await bob.submit('conditional', { uid_field: 'bob' })).challenge).toMatchObject({
      component: 'ak-stage-access-denied',
      error_message: 'Bob may not pass.',
    });
  });

  it('fails closed: an erroring policy uses its failure result, which negation does not flip', async () => {
    const make = (slug: string, extra: Record<string, unknown>) => {
      const flow = flowOf(slug, [{ type: 'dummy' }]);
      // No runtime evaluates this type, so the policy errors.
      flow.policy_bindings = [policyBinding(flow.pk, 'no_such_type', {}, extra)];
      core.flows.set(slug, flow);
    };
    make('err-negated', { negate: true, failure_result: false });
    make('err-allowed', { failure_result: true });
    make('slow', {});
    expect((await browser().start('err-negated')).component).toBe('ak-stage-access-denied');
    expect((await browser().start('err-allowed')).component).toBe('ak-stage-dummy');
    const slow = core.flows.get('slow');
    if (slow) slow.policy_bindings = [policyBinding(slow.pk, 'dummy', { result: true, wait_min: 5, wait_max: 5 }, { timeout_seconds: 1 })];
    expect((await browser().start('slow')).component).toBe('ak-stage-access-denied');
  });

  it('restarts the flow on an invalid answer when the binding says so, and cancels after too many failures', async () => {
    core.flows.set(
      'restarting',
      flowOf('restarting', [
        { type: 'identification', settings: { user_fields: ['username'] } },
        { type: 'password', binding: { invalid_response_action: 'restart' } },
      ]),
    );
    const b = browser();
    await b.start('restarting');
    await b.submit('restarting', { uid_field: 'alice' });
    const restarted = await b.submit('restarting', { password: 'nope' });
    expect(restarted.status).toBe(302);
    expect(restarted.challenge.component).toBe('ak-stage-identification');

    const c = browser();
    await c.start('plain');
    await c.submit('plain', { uid_field: 'alice' });
    await c.submit('plain', { password: 'x1' });
    await c.submit('plain', { password: 'x2' });
    expect((await c.submit('plain', { password: 'x3' })).challenge.component).toBe('ak-stage-access-denied');
  });

  it('charges every parallel wrong password to reputation before judging it', async () => {
    const attempts = 12;
    const browsers = await Promise.all(
      Array.from({ length: attempts }, async () => {
        const b = browser();
        await b.start('plain');
        await b.submit('plain', { uid_field: 'bob' });
        return b;
      }),
    );
    await Promise.all(browsers.map((b) => b.submit('plain', { password: 'wrong' })));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT score FROM flows.reputation WHERE kind = 'username' AND identifier = 'bob'`);
    await client.end();
    // bob logged in once above (+2 after its charge), then every parallel failure cost exactly one.
    expect(rows[0].score).toBe(1 - attempts);
  });

  it('keeps executions per browser: another cookie starts from the beginning', async () => {
    const a = browser();
    await a.start('plain');
    await a.submit('plain', { uid_field: 'alice' });
    const b = browser();
    b.cookies.set('authmesh_flow', 'x'.repeat(43));
    expect((await b.start('plain')).component).toBe('ak-stage-identification');
    expect((await a.start('plain')).component).toBe('ak-stage-password');
  });

  it('runs a plan prepared over gRPC with an application, asking consent once when it is permanent', async () => {
    core.flows.set(
      'authorize',
      flowOf('authorize', [{ type: 'consent', settings: { mode: 'permanent' } }], { designation: 'authorization' }),
    );
    const address = `127.0.0.1:${await grpc.start('127.0.0.1:0')}`;
    const client = new FlowClient(address, deriveMeshKey(SECRET));
    const b = browser();
    await passwordLogin(b, 'plain', 'alice', 'alice password');
    const prepare = (flowKey: string) =>
      client.preparePlan({
        flow_slug: 'authorize',
        flow_key: flowKey,
        session_key: b.cookies.get('authmesh_session') ?? '',
        context_json: JSON.stringify({ application: 'grafana', consent_permissions: [{ id: 'openid', name: 'Your identity' }] }),
      });
    const prepared = await prepare(b.cookies.get('authmesh_flow') ?? '');
    expect(prepared).toMatchObject({ planned: true, flow_key: b.cookies.get('authmesh_flow') });
    const asked = await b.start('authorize');
    expect(asked).toMatchObject({
      component: 'ak-stage-consent',
      permissions: [{ id: 'openid', name: 'Your identity' }],
      pending_user: 'alice',
    });
    // An answer without the challenge's token is not consent.
    const refused = (await b.submit('authorize', { token: 'forged' })).challenge;
    expect(refused.response_errors.token).toBeDefined();
    // The challenge shown again carries a fresh token; the one shown before is spent.
    expect(refused.token).not.toBe(asked.token);
    expect((await b.submit('authorize', { token: refused.token })).challenge.component).toBe('xak-flow-redirect');
    expect(core.consents.get('1:grafana')).toMatchObject({ permissions: ['openid'], expires: 0 });
    // Next time the recorded consent covers the request: no question.
    await prepare(b.cookies.get('authmesh_flow') ?? '');
    expect((await b.start('authorize')).component).toBe('xak-flow-redirect');
    expect(await client.preparePlan({ flow_slug: 'missing', context_json: '{}' })).toMatchObject({ planned: false });
    client.close();
  });

  it('never runs an in-memory stage type from an admin’s binding', async () => {
    core.flows.set('bound-device-code', flowOf('bound-device-code', [{ type: 'oauth2-device-code' }]));
    const challenge = await browser().start('bound-device-code');
    expect(challenge).toMatchObject({ component: 'ak-stage-access-denied', error_message: 'This flow cannot continue. Start again.' });
  });

  it('sends /device to the login first, then to the built-in device code flow asking for the code', async () => {
    const b = browser();
    const anonymous = await b.request('GET', '/device?code=BCDF-GHJK');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/if/flow/plain/?next=%2Fdevice%3Fcode%3DBCDF-GHJK');
    await passwordLogin(b, 'plain', 'alice', 'alice password');
    const entered = await b.request('GET', '/device?code=BCDF-GHJK');
    expect(entered.headers.get('location')).toBe('/if/flow/default-device-code-flow/?code=BCDF-GHJK');
    const challenge = await b.start('default-device-code-flow', 'code=BCDF-GHJK');
    expect(challenge).toMatchObject({ component: 'ak-provider-oauth2-device-code', code: 'BCDF-GHJK' });
    expect(challenge.flow_info.title).toBe('Connect a device');
  });

  it('answers 404 at /device when there is no authentication flow to send the browser to', async () => {
    const saved = new Map(core.flows);
    for (const [slug, flow] of saved) if (flow.designation === 'authentication') core.flows.delete(slug);
    try {
      const res = await browser().request('GET', '/device');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'No authentication flow is configured.' });
    } finally {
      for (const [slug, flow] of saved) core.flows.set(slug, flow);
    }
  });

  it('refuses the built-in device code flow without a login', async () => {
    const challenge = await browser().start('default-device-code-flow');
    expect(challenge).toMatchObject({ component: 'ak-stage-access-denied' });
  });

  it('refuses an e-mailed flow token after it expires and after it was used once', async () => {
    const smtp = await startSmtpTestServer();
    try {
      const mail = { use_global_settings: false, host: '127.0.0.1', port: smtp.port, from_address: 'flows@example.com', token_expiry: 30 };
      core.flows.set(
        'verify',
        flowOf('verify', [
          { type: 'identification', settings: { user_fields: ['username'] } },
          { type: 'email', settings: mail },
          { type: 'dummy' },
        ]),
      );
      const b = browser();
      await b.start('verify');
      expect((await b.submit('verify', { uid_field: 'alice' })).challenge.component).toBe('ak-stage-email');
      const first = tokenIn((await smtp.waitForMessage()).text);
      // Expire the first token, then ask for another message.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(`UPDATE flows.flow_tokens SET expires = now() - interval '1 second'`);
      await client.end();
      expect((await browser().start('verify', `flow_token=${first}`)).component).toBe('ak-stage-access-denied');
      await b.submit('verify', { component: 'ak-stage-email' });
      const second = tokenIn((await smtp.waitForMessage((m) => tokenIn(m.text) !== first)).text);
      const other = browser();
      expect((await other.start('verify', `flow_token=${second}`)).component).toBe('ak-stage-dummy');
      expect((await browser().start('verify', `flow_token=${second}`)).component).toBe('ak-stage-access-denied');
    } finally {
      await smtp.close();
    }
  });
});

function tokenIn(text: string): string {
  const match = /flow_token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error('no flow token in the message');
  return match[1];
}
