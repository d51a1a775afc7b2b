import { GrpcStatus, RpcCallError, type FlowConfigClient, type IdentityClient, type PolicyBinding__Output } from '@authmesh/rpc';
import { memoryLog, policyBinding, testUser } from '../../test/stage-context.js';
import { checkApplicationAccess } from './application-access.js';
import { PolicyEngine } from './policy-engine.js';
import { result, type PolicyRuntime } from './policy-runtime.js';

const APP = '11111111-1111-4111-8111-111111111111';
const fixed: PolicyRuntime = { type: 'fixed', evaluate: async (s) => (s.pass === true ? result(true) : result(false, 'Not for you.')) };
const throwing: PolicyRuntime = {
  type: 'throwing',
  evaluate: async () => {
    throw new Error('boom');
  },
};

function setup(bindings: PolicyBinding__Output[], users = [testUser({ pk: '7', username: 'alice' })]) {
  const asked: string[][] = [];
  const identity = {
    getUser: async ({ pk }: { pk: string }) => {
      const user = users.find((u) => u.pk === pk);
      if (!user) throw new RpcCallError('GetUser', GrpcStatus.NOT_FOUND, 'no user');
      return user;
    },
  } as unknown as IdentityClient;
  const config = {
    listPolicyBindings: async (targets: string[]) => {
      asked.push(targets);
      return { bindings };
    },
  } as unknown as FlowConfigClient;
  const engine = new PolicyEngine([fixed, throwing], memoryLog().logger);
  const check = (fields: Record<string, string> = {}) =>
    checkApplicationAccess(engine, identity, config, {
      application_pk: APP,
      policy_engine_mode: 'any',
      user_pk: '7',
      client_ip: '192.0.2.1',
      host: 'sso.example.com',
      user_agent: 'test',
      context_json: '{}',
      ...fields,
    });
  return { check, asked };
}

describe('application access', () => {
  it('lets everyone in when the application has no bindings, asking for its own bindings only', async () => {
    const { check, asked } = setup([]);
    expect(await check()).toEqual({ passing: true, messages: [] });
    expect(asked).toEqual([[APP]]);
  });

  it('denies with the failing policy messages', async () => {
    const { check } = setup([policyBinding('fixed', { pass: false })]);
    expect(await check()).toEqual({ passing: false, messages: ['Not for you.'] });
  });

  it('combines bindings by the application mode', async () => {
    const bindings = [policyBinding('fixed', { pass: true }, { pk: 'a' }), policyBinding('fixed', { pass: false }, { pk: 'b' })];
    expect((await setup(bindings).check({ policy_engine_mode: 'any' })).passing).toBe(true);
    expect((await setup(bindings).check({ policy_engine_mode: 'all' })).passing).toBe(false);
  });

  it('denies when a policy throws (failure result false)', async () => {
    expect((await setup([policyBinding('throwing')]).check()).passing).toBe(false);
  });

  it('denies unknown and inactive users even without bindings', async () => {
    expect((await setup([]).check({ user_pk: '404' })).passing).toBe(false);
    const inactive = setup([], [testUser({ pk: '7', username: 'alice', is_active: false })]);
    expect((await inactive.check()).passing).toBe(false);
  });

  it('refuses malformed requests instead of deciding', async () => {
    const { check } = setup([]);
    await expect(check({ application_pk: 'grafana' })).rejects.toThrow();
    await expect(check({ policy_engine_mode: 'some' })).rejects.toThrow();
    await expect(check({ context_json: '[1]' })).rejects.toThrow();
  });
});
