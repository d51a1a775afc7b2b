import type { FlowDefinition__Output, User__Output } from '@authmesh/rpc';
import { flowDefinition, memoryLog, policyBinding, stageBinding, testUser } from '../../test/stage-context.js';
import { dummyPolicy } from '../policies/dummy/dummy.policy.js';
import { PolicyEngine } from '../policies/policy-engine.js';
import { result, type PolicyRequest, type PolicyRuntime } from '../policies/policy-runtime.js';
import { FlowPlanner, safeRedirect, type PlanDenied, type PlanRequest } from './flow-planner.js';
import type { ExecutionState } from './plan-context.js';

const seen: PolicyRequest[] = [];
const recordingPolicy: PolicyRuntime = {
  type: 'recording',
  async evaluate(settings, request) {
    seen.push(request);
    return result(settings.pass !== false, ...(typeof settings.message === 'string' ? [settings.message] : []));
  },
};

const REQUEST: PlanRequest = {
  clientIp: '203.0.113.7',
  userAgent: 'jest',
  host: 'auth.example.com',
  method: 'GET',
  path: '/if/flow/x/',
  query: '',
};
const ALICE = testUser({ pk: '7', username: 'alice' });
const ADMIN = testUser({ pk: '1', username: 'akadmin', is_superuser: true });

const planner = () => new FlowPlanner(new PolicyEngine([dummyPolicy, recordingPolicy], memoryLog().logger));

/** A policy binding on `target` that passes or fails with `message`. */
const gate = (target: string, pass: boolean, message?: string) =>
  policyBinding('recording', { pass, message }, { pk: `pb-${target}-${String(pass)}-${message ?? ''}`, target });

function asState(answer: ExecutionState | PlanDenied): ExecutionState {
  if ('denied' in answer) throw new Error(`expected a plan, got a denial: ${answer.message}`);
  return answer;
}

const threeStages = (more: Partial<FlowDefinition__Output> = {}) =>
  flowDefinition({
    bindings: [
      stageBinding({ pk: 'b-password', order: 20 }),
      stageBinding({ pk: 'b-login', order: 100 }),
      stageBinding({ pk: 'b-ident', order: 10 }),
    ],
    ...more,
  });

beforeEach(() => {
  seen.length = 0;
});

describe('FlowPlanner: authentication requirement', () => {
  it.each<[string, string, User__Output | null]>([
    ['none', 'an anonymous browser', null],
    ['none', 'a logged-in user', ALICE],
    ['require_authenticated', 'a logged-in user', ALICE],
    ['require_unauthenticated', 'an anonymous browser', null],
    ['require_superuser', 'a superuser', ADMIN],
  ])('plans a flow with requirement %p for %s', async (authentication, _, user) => {
    expect('denied' in (await planner().plan(threeStages({ authentication }), user, REQUEST))).toBe(false);
  });

  it.each<[string, string, User__Output | null]>([
    ['require_authenticated', 'an anonymous browser', null],
    ['require_unauthenticated', 'a logged-in user', ALICE],
    ['require_superuser', 'a user who is not a superuser', ALICE],
    ['require_superuser', 'an anonymous browser', null],
    ['require_outpost', 'a logged-in user', ALICE],
    ['', 'an anonymous browser', null],
  ])('denies a flow with requirement %p to %s', async (authentication, _, user) => {
    expect(await planner().plan(threeStages({ authentication }), user, REQUEST)).toEqual({ denied: true, message: expect.any(String) });
  });

  it.each([
    ['require_authenticated', null, 'You need to be logged in to use this flow.'],
    ['require_unauthenticated', ALICE, 'You are already logged in.'],
    ['require_superuser', ALICE, 'Only administrators can use this flow.'],
    ['something_new', ALICE, 'This flow is not available.'],
  ])('explains a denial for %p', async (authentication, user, message) => {
    expect(await planner().plan(threeStages({ authentication }), user, REQUEST)).toEqual({ denied: true, message });
  });

  it('runs no policy for a request that does not meet the requirement', async () => {
    const flow = threeStages({ authentication: 'require_authenticated', policy_bindings: [gate('flow-1', true)] });
    await planner().plan(flow, null, REQUEST);
    expect(seen).toEqual([]);
  });
});

describe('FlowPlanner: flow policies', () => {
  it('denies with the messages of the failing policies', async () => {
    const flow = threeStages({ policy_bindings: [gate('flow-1', false, 'Office hours only.'), gate('flow-1', false, 'VPN only.')] });
    expect(await planner().plan(flow, null, REQUEST)).toEqual({ denied: true, message: 'Office hours only. VPN only.' });
  });

  it('denies with a default message when the failing policies say nothing', async () => {
    const flow = threeStages({ policy_bindings: [gate('flow-1', false)] });
    expect(await planner().plan(flow, null, REQUEST)).toEqual({ denied: true, message: 'You do not have access to this flow.' });
  });

  it('passes with one passing policy in "any" mode and needs all in "all" mode', async () => {
    const bindings = [gate('flow-1', false), gate('flow-1', true)];
    expect('denied' in (await planner().plan(threeStages({ policy_bindings: bindings, policy_engine_mode: 'any' }), null, REQUEST))).toBe(
      false,
    );
    expect('denied' in (await planner().plan(threeStages({ policy_bindings: bindings, policy_engine_mode: 'all' }), null, REQUEST))).toBe(
      true,
    );
  });

  it('treats an unknown engine mode as "any"', async () => {
    const flow = threeStages({ policy_bindings: [gate('flow-1', false), gate('flow-1', true)], policy_engine_mode: 'most' });
    expect('denied' in (await planner().plan(flow, null, REQUEST))).toBe(false);
  });

  it('does not count the policies of stage bindings as flow policies', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-password', false)] });
    expect('denied' in (await planner().plan(flow, null, REQUEST))).toBe(false);
  });

  it('denies when a flow policy fails to run (its failure result)', async () => {
    const flow = threeStages({ policy_bindings: [policyBinding('no-such-type', {}, { target: 'flow-1' })] });
    expect(await planner().plan(flow, null, REQUEST)).toEqual({ denied: true, message: 'You do not have access to this flow.' });
  });
});

describe('FlowPlanner: the plan', () => {
  it('lists the stage bindings in order and starts at the first', async () => {
    const state = asState(await planner().plan(threeStages(), null, { ...REQUEST, query: 'next=%2Fapp' }));
    expect(state).toEqual({
      flowSlug: 'default-authentication-flow',
      plan: ['b-ident', 'b-password', 'b-login'],
      reEvaluate: [],
      index: 0,
      context: { redirect: '/app' },
      attempts: {},
      query: 'next=%2Fapp',
    });
  });

  it('leaves out a binding marked evaluate_on_plan whose policies fail now', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-password', false)] });
    flow.bindings[0].evaluate_on_plan = true;
    expect(asState(await planner().plan(flow, null, REQUEST)).plan).toEqual(['b-ident', 'b-login']);
  });

  it('keeps a binding marked evaluate_on_plan whose policies pass, using the binding’s own mode', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-password', false), gate('b-password', true)] });
    flow.bindings[0].evaluate_on_plan = true;
    flow.bindings[0].policy_engine_mode = 'any';
    expect(asState(await planner().plan(flow, null, REQUEST)).plan).toContain('b-password');
    flow.bindings[0].policy_engine_mode = 'all';
    expect(asState(await planner().plan(flow, null, REQUEST)).plan).not.toContain('b-password');
  });

  it('does not evaluate the policies of bindings that are not marked evaluate_on_plan', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-password', false)] });
    expect(asState(await planner().plan(flow, null, REQUEST)).plan).toContain('b-password');
    expect(seen).toEqual([]);
  });

  it('lists the bindings marked re_evaluate_policies for a check when they are reached', async () => {
    const flow = threeStages();
    flow.bindings[0].re_evaluate_policies = true;
    flow.bindings[1].re_evaluate_policies = true;
    expect(asState(await planner().plan(flow, null, REQUEST)).reEvaluate).toEqual(['b-password', 'b-login']);
  });

  it('does not list a binding for re-evaluation that evaluate_on_plan already left out', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-password', false)] });
    Object.assign(flow.bindings[0], { evaluate_on_plan: true, re_evaluate_policies: true });
    expect(asState(await planner().plan(flow, null, REQUEST)).reEvaluate).toEqual([]);
  });

  it('plans an empty flow', async () => {
    expect(asState(await planner().plan(flowDefinition(), null, REQUEST)).plan).toEqual([]);
  });
});

describe('FlowPlanner: context', () => {
  it('makes the logged-in user the pending user', async () => {
    expect(asState(await planner().plan(threeStages(), ALICE, REQUEST)).context).toEqual({ pending_user: '7' });
  });

  it.each(['//evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\\evil.example'])(
    'drops the unsafe next target %p',
    async (next) => {
      const query = new URLSearchParams({ next }).toString();
      expect(asState(await planner().plan(threeStages(), null, { ...REQUEST, query })).context).toEqual({});
    },
  );

  it('adds trusted context before any policy runs', async () => {
    const flow = threeStages({ policy_bindings: [gate('flow-1', true)] });
    const state = asState(await planner().plan(flow, ALICE, REQUEST, { application: 'grafana' }));
    expect(state.context).toEqual({ pending_user: '7', application: 'grafana' });
    expect(seen[0].context).toEqual(expect.objectContaining({ application: 'grafana', flow_plan: { context: state.context } }));
    expect(seen[0].user).toEqual(ALICE);
  });

  it('asks policies about the logged-in user and the request', async () => {
    const flow = threeStages({ policy_bindings: [gate('flow-1', true)] });
    await planner().plan(flow, ALICE, { ...REQUEST, method: 'POST', path: '/p' });
    expect(seen[0]).toEqual(
      expect.objectContaining({
        identifier: 'alice',
        clientIp: '203.0.113.7',
        http: { method: 'POST', host: 'auth.example.com', path: '/p', userAgent: 'jest' },
      }),
    );
  });
});

describe('FlowPlanner: bindingPasses', () => {
  const state = (context = {}): ExecutionState => ({ flowSlug: 'f', plan: [], reEvaluate: [], index: 0, context, attempts: {}, query: '' });

  it('evaluates the binding’s policies with the execution’s context', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-login', true)] });
    expect(await planner().bindingPasses(flow, 'b-login', ALICE, state({ pending_user_identifier: 'ALICE' }), REQUEST)).toBe(true);
    expect(seen[0].identifier).toBe('ALICE');
    expect(seen[0].user).toEqual(ALICE);
  });

  it('fails a binding whose policies fail', async () => {
    const flow = threeStages({ policy_bindings: [gate('b-login', false)] });
    expect(await planner().bindingPasses(flow, 'b-login', ALICE, state(), REQUEST)).toBe(false);
  });

  it('passes a binding without policies', async () => {
    expect(await planner().bindingPasses(threeStages(), 'b-login', null, state(), REQUEST)).toBe(true);
  });

  it('fails a binding that is not in the flow', async () => {
    expect(await planner().bindingPasses(threeStages(), 'b-elsewhere', ALICE, state(), REQUEST)).toBe(false);
  });
});

describe('safeRedirect', () => {
  it.each([
    '/',
    '/app',
    '/if/user/#/settings',
    '/application/o/authorize/?client_id=x&redirect_uri=https%3A%2F%2Fapp',
    '/a//b',
    '/a?next=//x',
  ])('accepts the local path %p', (value) => {
    expect(safeRedirect(value)).toBe(value);
  });

  it.each([
    ['a protocol-relative URL', '//evil.example/path'],
    ['a protocol-relative URL with a backslash', '/\\evil.example'],
    ['a backslash later in the path', '/a\\b'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: with odd case and spaces', ' JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['an absolute https URL', 'https://evil.example/'],
    ['an absolute URL of this very host', 'https://auth.example.com/app'],
    ['a relative path', 'app'],
    ['a host name', 'evil.example'],
    ['a tab that browsers strip into //', '/\t/evil.example'],
    ['a line break that browsers strip into //', '/\n/evil.example'],
    ['a carriage return (header splitting)', '/app\r\nSet-Cookie: x=y'],
    ['a NUL byte', '/app\u0000'],
    ['a leading space', ' /app'],
    ['more than 2000 characters', `/${'a'.repeat(2000)}`],
    ['an empty value', ''],
  ])('refuses %s', (_, value) => {
    expect(safeRedirect(value)).toBeUndefined();
  });

  it('refuses a missing value', () => {
    expect(safeRedirect(null)).toBeUndefined();
    expect(safeRedirect(undefined)).toBeUndefined();
  });

  it('accepts exactly 2000 characters', () => {
    const value = `/${'a'.repeat(1999)}`;
    expect(safeRedirect(value)).toBe(value);
  });
});
