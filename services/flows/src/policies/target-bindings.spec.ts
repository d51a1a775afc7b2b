import { GrpcStatus, RpcCallError, type FlowConfigClient, type IdentityClient, type PolicyBinding__Output } from '@authmesh/rpc';
import { memoryLog, policyBinding, testUser } from '../../test/stage-context.js';
import { eventMatcherPolicy } from './event-matcher/event-matcher.policy.js';
import { PolicyEngine } from './policy-engine.js';
import { result, type PolicyRuntime } from './policy-runtime.js';
import { evaluateBindings } from './target-bindings.js';

const RULE = '22222222-2222-4222-8222-222222222222';
const throwing: PolicyRuntime = {
  type: 'throwing',
  evaluate: async () => {
    throw new Error('boom');
  },
};
const userIs: PolicyRuntime = {
  type: 'user_is',
  evaluate: async (settings, request) => result(request.user?.username === settings.username),
};

function setup(bindings: PolicyBinding__Output[], identityError?: Error) {
  const asked: string[][] = [];
  const identity = {
    getUser: async ({ pk }: { pk: string }) => {
      if (identityError) throw identityError;
      if (pk === '7') return testUser({ pk: '7', username: 'alice', groups: [{ pk: 'g-admins', name: 'admins' }] });
      throw new RpcCallError('GetUser', GrpcStatus.NOT_FOUND, 'no user');
    },
  } as unknown as IdentityClient;
  const config = {
    listPolicyBindings: async (targets: string[]) => {
      asked.push(targets);
      return { bindings };
    },
  } as unknown as FlowConfigClient;
  const engine = new PolicyEngine([eventMatcherPolicy, throwing, userIs], memoryLog().logger);
  const evaluate = (fields: Record<string, unknown> = {}) =>
    evaluateBindings(engine, identity, config, {
      target_pk: RULE,
      policy_engine_mode: 'any',
      user_pk: '7',
      context_json: JSON.stringify({ event: { action: 'login_failed', app: 'authmesh.flows', client_ip: '192.0.2.9', context: {} } }),
      client_ip: '192.0.2.9',
      pass_without_bindings: false,
      ...fields,
    });
  return { evaluate, asked };
}

describe('evaluating the bindings of a target (notification rules)', () => {
  it('answers what the caller asked for when the target has no enabled bindings', async () => {
    const { evaluate, asked } = setup([policyBinding('event_matcher', {}, { enabled: false })]);
    expect(await evaluate()).toEqual({ passing: false, messages: [] });
    expect(await evaluate({ pass_without_bindings: true })).toEqual({ passing: true, messages: [] });
    expect(asked[0]).toEqual([RULE]);
  });

  it('gives the event to event matcher policies as request.context.event', async () => {
    expect((await setup([policyBinding('event_matcher', { action: 'login_failed' })]).evaluate()).passing).toBe(true);
    expect((await setup([policyBinding('event_matcher', { action: 'login' })]).evaluate()).passing).toBe(false);
    expect((await setup([policyBinding('event_matcher', { client_ip: '192.0.2.10' })]).evaluate()).passing).toBe(false);
  });

  it("checks user and group bindings against the event's user", async () => {
    const group = policyBinding('x', {}, { pk: 'b-group', subject: 'group_pk', group_pk: 'g-admins', policy: null });
    expect((await setup([group]).evaluate()).passing).toBe(true);
    expect((await setup([group]).evaluate({ user_pk: '' })).passing).toBe(false);
    expect((await setup([policyBinding('user_is', { username: 'alice' })]).evaluate()).passing).toBe(true);
  });

  it('evaluates an unknown user (deleted since the event) as anonymous', async () => {
    expect((await setup([policyBinding('user_is', { username: 'alice' })]).evaluate({ user_pk: '404' })).passing).toBe(false);
    expect((await setup([policyBinding('event_matcher', { action: 'login_failed' })]).evaluate({ user_pk: '404' })).passing).toBe(true);
  });

  it('fails closed: a throwing policy does not match, and a directory failure rejects the call', async () => {
    expect((await setup([policyBinding('throwing')]).evaluate()).passing).toBe(false);
    const unreachable = setup([policyBinding('event_matcher')], new RpcCallError('GetUser', GrpcStatus.UNAVAILABLE, 'down'));
    await expect(unreachable.evaluate()).rejects.toThrow();
  });

  it('combines bindings by the mode given', async () => {
    const bindings = [policyBinding('event_matcher', { action: 'login_failed' }, { pk: 'a' }), policyBinding('throwing', {}, { pk: 'b' })];
    expect((await setup(bindings).evaluate({ policy_engine_mode: 'any' })).passing).toBe(true);
    expect((await setup(bindings).evaluate({ policy_engine_mode: 'all' })).passing).toBe(false);
  });

  it('refuses malformed requests instead of deciding', async () => {
    const { evaluate } = setup([]);
    await expect(evaluate({ target_pk: 'rule' })).rejects.toThrow();
    await expect(evaluate({ policy_engine_mode: '' })).rejects.toThrow();
    await expect(evaluate({ context_json: '"event"' })).rejects.toThrow();
  });
});
