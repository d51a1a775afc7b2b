import { randomUUID } from 'node:crypto';
import { FlowClient, GrpcHost, GrpcStatus } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { CoreStandIn, policyBinding } from '../../test/core-stand-in.js';
import { startFlowsUnderTest, type FlowsUnderTest } from '../../test/flows-under-test.js';

const SECRET = 'flows-bindings-secret-key-long-enough-0123456789';

/** EvaluateBindings over real gRPC with the real policy engine, as the events runtime asks it for notification rules. */
describe('EvaluateBindings RPC', () => {
  const core = new CoreStandIn();
  let harness: FlowsUnderTest;
  let grpc: GrpcHost;
  let client: FlowClient;
  let address: string;

  beforeAll(async () => {
    harness = await startFlowsUnderTest('authmesh_flows_bindings', SECRET, core);
    ({ grpc } = harness);
    address = `127.0.0.1:${await grpc.start('127.0.0.1:0')}`;
    client = new FlowClient(address, deriveMeshKey(SECRET));
    core.addUser('5', 'alice', 'alice password', { groups: [{ pk: 'ops-group', name: 'ops' }] });
  });

  afterAll(async () => {
    client.close();
    await harness.stop();
  });

  const event = {
    pk: randomUUID(),
    action: 'login_failed',
    app: 'authmesh.flows',
    client_ip: '192.0.2.4',
    user: { pk: 5, username: 'alice' },
    context: { message: 'Invalid password' },
  };
  const ask = (target: string, fields: Record<string, unknown> = {}) =>
    client.evaluateBindings({
      target_pk: target,
      policy_engine_mode: 'any',
      user_pk: '5',
      client_ip: event.client_ip,
      context_json: JSON.stringify({ event }),
      pass_without_bindings: false,
      ...fields,
    });

  it('matches events with event matcher and expression policies bound to the target', async () => {
    const matcher = randomUUID();
    core.bindings.push(policyBinding(matcher, 'event_matcher', { action: 'login_failed', client_ip: '192.0.2.4' }));
    expect(await ask(matcher)).toEqual({ passing: true, messages: [] });
    const other = randomUUID();
    core.bindings.push(policyBinding(other, 'event_matcher', { action: 'login' }));
    expect((await ask(other)).passing).toBe(false);
    const expression = randomUUID();
    core.bindings.push(
      policyBinding(expression, 'expression', {
        expression: 'return request.context.event.context.message === "Invalid password" && request.user.username === "alice";',
      }),
    );
    expect((await ask(expression)).passing).toBe(true);
    expect((await ask(expression, { user_pk: '' })).passing).toBe(false);
  });

  it("checks group bindings against the event's user and matches nothing without bindings", async () => {
    const rule = randomUUID();
    core.bindings.push({ ...policyBinding(rule, 'x', {}), policy: undefined, subject: 'group_pk', group_pk: 'ops-group' });
    expect((await ask(rule)).passing).toBe(true);
    expect((await ask(rule, { user_pk: '404' })).passing).toBe(false);
    expect((await ask(randomUUID())).passing).toBe(false);
    expect((await ask(randomUUID(), { pass_without_bindings: true })).passing).toBe(true);
  });

  it('fails closed: a broken expression does not match, a malformed request is refused', async () => {
    const rule = randomUUID();
    core.bindings.push(policyBinding(rule, 'expression', { expression: 'throw new Error("broken")' }));
    expect((await ask(rule)).passing).toBe(false);
    await expect(ask('rule')).rejects.toMatchObject({ status: GrpcStatus.INVALID_ARGUMENT });
    await expect(ask(rule, { context_json: '[]' })).rejects.toMatchObject({ status: GrpcStatus.INVALID_ARGUMENT });
  });
});
