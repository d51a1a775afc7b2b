import pg from 'pg';
import { FlowClient, GrpcHost, GrpcStatus, RpcCallError } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { FlowBrowser, startSmtpTestServer, type ServiceUnderTest, type SmtpTestServer, type TestDatabase } from '@authmesh/testing';
import { CoreStandIn, flowOf, policyBinding } from '../../test/core-stand-in.js';
import { startFlowsUnderTest, type FlowsUnderTest } from '../../test/flows-under-test.js';

const SECRET = 'recovery-links-test-secret-key-0123456789';

/** The CreateRecoveryLink RPC against a real database: plans the brand's recovery flow, and the link resumes it once. */
describe('recovery links', () => {
  const core = new CoreStandIn();
  let db: TestDatabase;
  let harness: FlowsUnderTest;
  let flows: ServiceUnderTest;
  let grpc: GrpcHost;
  let client: FlowClient;
  let smtp: SmtpTestServer;
  let emailStagePk = '';
  let denyStagePk = '';

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    harness = await startFlowsUnderTest('authmesh_recovery_links', SECRET, core);
    ({ db, grpc, flows } = harness);
    client = new FlowClient(`127.0.0.1:${await grpc.start('127.0.0.1:0')}`, deriveMeshKey(SECRET));
    core.addUser('1', 'alice', 'alice password');
    core.addUser('2', 'nomail', 'nomail password', { email: '' });
    core.addUser('3', 'gone', 'gone password', { is_active: false });

    const mail = {
      use_global_settings: false,
      host: '127.0.0.1',
      port: smtp.port,
      from_address: 'recovery@example.com',
      token_expiry: 45,
      subject: 'Reset it',
      template: 'email/password_reset.html',
    };
    const recovery = flowOf(
      'recover',
      [
        { type: 'identification', settings: { user_fields: ['username'] } },
        { type: 'email', settings: mail },
        // A stage for plans that were not restored: links must skip it through its policy.
        { type: 'deny', settings: { deny_message: 'Only by link.' }, binding: { evaluate_on_plan: true, re_evaluate_policies: false } },
        { type: 'dummy' },
      ],
      { designation: 'recovery', authentication: 'require_unauthenticated' },
    );
    const bindings = recovery.bindings ?? [];
    emailStagePk = bindings[1].stage?.pk ?? '';
    denyStagePk = bindings[2].stage?.pk ?? '';
    recovery.policy_bindings = [policyBinding(bindings[2].pk ?? '', 'expression', { expression: 'return !request.context.is_restored' })];
    core.flows.set('recover', recovery);
  });

  afterAll(async () => {
    client.close();
    await harness.stop();
    await smtp.close();
  });

  const create = (request: { user_pk: string; email_stage_pk?: string; host?: string; secure?: boolean }) =>
    client.createRecoveryLink({ host: 'id.example.com', secure: true, client_ip: '192.0.2.7', ...request });

  async function failure(call: Promise<unknown>): Promise<{ status: number; details: string }> {
    const error: unknown = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof RpcCallError)) throw new Error(`expected an RpcCallError, got ${String(error)}`);
    return { status: error.status, details: error.details };
  }

  it('answers a link to the recovery flow on the host asked for, which opens past identification and e-mail once', async () => {
    const answer = await create({ user_pk: '1' });
    expect(answer.flow_slug).toBe('recover');
    const url = new URL(answer.link);
    expect(url.origin).toBe('https://id.example.com');
    expect(url.pathname).toBe('/if/flow/recover/');
    const token = url.searchParams.get('flow_token') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,64}$/);
    const expires = Date.parse(answer.expires) - Date.now();
    expect(expires).toBeGreaterThan(29 * 60_000);
    expect(expires).toBeLessThanOrEqual(30 * 60_000);

    const b = new FlowBrowser(flows.baseUrl);
    expect((await b.start('recover', `flow_token=${token}`)).component).toBe('ak-stage-dummy');
    const done = await b.submit('recover', { component: 'ak-stage-dummy' });
    expect(done.challenge).toMatchObject({ component: 'xak-flow-redirect' });
    // Single use: the same link is refused afterwards, in any browser.
    expect(await new FlowBrowser(flows.baseUrl).start('recover', `flow_token=${token}`)).toMatchObject({
      component: 'ak-stage-access-denied',
    });
    // Without a link the flow runs from the start, and the gated stage is planned.
    expect((await new FlowBrowser(flows.baseUrl).start('recover')).component).toBe('ak-stage-identification');
    expect(denyStagePk).not.toBe('');
  });

  it('judges the browser that opens the link, not the administrator who made it', async () => {
    const token = new URL((await create({ user_pk: '1' })).link).searchParams.get('flow_token') ?? '';
    // The flow is for people who are not logged in; a browser with a session is refused the link.
    core.sessions.set('someone-logged-in', '2');
    const b = new FlowBrowser(flows.baseUrl);
    b.cookies.set('authmesh_session', 'someone-logged-in');
    expect(await b.start('recover', `flow_token=${token}`)).toMatchObject({ component: 'ak-stage-access-denied' });
    core.sessions.delete('someone-logged-in');
  });

  it('stores only a digest of the link, and a newer link for the same user replaces the older one', async () => {
    const first = new URL((await create({ user_pk: '1' })).link).searchParams.get('flow_token') ?? '';
    const second = new URL((await create({ user_pk: '1' })).link).searchParams.get('flow_token') ?? '';
    const pgClient = new pg.Client({ connectionString: db.url });
    await pgClient.connect();
    try {
      const rows = (
        await pgClient.query<{ key_digest: string; purpose: string; binding_pk: string | null }>(
          `SELECT key_digest, purpose, binding_pk FROM flows.flow_tokens WHERE user_pk = '1'`,
        )
      ).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ purpose: 'recovery', binding_pk: null });
      expect(rows[0].key_digest).not.toContain(second);
    } finally {
      await pgClient.end();
    }
    expect((await new FlowBrowser(flows.baseUrl).start('recover', `flow_token=${first}`)).component).toBe('ak-stage-access-denied');
    expect((await new FlowBrowser(flows.baseUrl).start('recover', `flow_token=${second}`)).component).toBe('ak-stage-dummy');
  });

  it('uses plain http when the administrator did', async () => {
    const answer = await create({ user_pk: '1', host: 'localhost:9000', secure: false });
    expect(new URL(answer.link).origin).toBe('http://localhost:9000');
  });

  it('e-mails the link with the stage settings instead of answering it', async () => {
    const answer = await create({ user_pk: '1', email_stage_pk: emailStagePk });
    expect(answer.link).toBe('');
    const expires = Date.parse(answer.expires) - Date.now();
    expect(expires).toBeGreaterThan(44 * 60_000);
    const message = await smtp.waitForMessage((m) => m.to.includes('alice@example.com'));
    expect(message.subject).toBe('Reset it');
    expect(message.from).toBe('recovery@example.com');
    const token = /flow_token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1] ?? '';
    expect(message.text).toContain('https://id.example.com/if/flow/recover/?flow_token=');
    expect((await new FlowBrowser(flows.baseUrl).start('recover', `flow_token=${token}`)).component).toBe('ak-stage-dummy');
  });

  it('refuses users without an address for e-mail, inactive and unknown users, and stages that are not e-mail stages', async () => {
    const before = smtp.messages.length;
    expect(await failure(create({ user_pk: '2', email_stage_pk: emailStagePk }))).toEqual({
      status: GrpcStatus.FAILED_PRECONDITION,
      details: 'The user has no email address.',
    });
    expect((await create({ user_pk: '2' })).link).toContain('flow_token=');
    expect((await failure(create({ user_pk: '3' }))).status).toBe(GrpcStatus.FAILED_PRECONDITION);
    expect((await failure(create({ user_pk: '99' }))).status).toBe(GrpcStatus.NOT_FOUND);
    expect(await failure(create({ user_pk: '1', email_stage_pk: denyStagePk }))).toEqual({
      status: GrpcStatus.INVALID_ARGUMENT,
      details: 'email_stage: Not an e-mail stage.',
    });
    expect((await failure(create({ user_pk: '1', email_stage_pk: 'nope' }))).status).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(smtp.messages.length).toBe(before);
  });

  it('answers NOT_FOUND when the brand has no recovery flow', async () => {
    const flow = core.flows.get('recover')!;
    core.flows.delete('recover');
    try {
      expect(await failure(create({ user_pk: '1' }))).toEqual({ status: GrpcStatus.NOT_FOUND, details: 'No recovery flow is configured.' });
    } finally {
      core.flows.set('recover', flow);
    }
  });
});
