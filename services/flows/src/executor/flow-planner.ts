import type { FlowDefinition__Output, PolicyBinding__Output, User__Output } from '@authmesh/rpc';
import type { PolicyEngine } from '../policies/policy-engine.js';
import type { PolicyRequest } from '../policies/policy-runtime.js';
import type { ExecutionState, PlanContext } from './plan-context.js';

/** Why a flow cannot run for this request. */
export interface PlanDenied {
  denied: true;
  message: string;
}

/** The request facts the planner and policies need. */
export interface PlanRequest {
  clientIp: string;
  userAgent: string;
  host: string;
  method: string;
  path: string;
  /** The query the flow was started with (`next=/app&...`). */
  query: string;
}

const REQUIREMENT_MESSAGES: Record<string, string> = {
  require_authenticated: 'You need to be logged in to use this flow.',
  require_unauthenticated: 'You are already logged in.',
  require_superuser: 'Only administrators can use this flow.',
};

/**
 * Turns a flow into a plan for one request: checks the flow's authentication requirement
 * and policies, then lists the stage bindings, evaluating now those marked
 * evaluate_on_plan and marking those with re_evaluate_policies for a check when reached.
 */
export class FlowPlanner {
  constructor(private readonly engine: PolicyEngine) {}

  async plan(
    flow: FlowDefinition__Output,
    sessionUser: User__Output | null,
    request: PlanRequest,
    trusted: PlanContext = {},
  ): Promise<ExecutionState | PlanDenied> {
    if (!meetsRequirement(flow.authentication, sessionUser)) {
      return { denied: true, message: REQUIREMENT_MESSAGES[flow.authentication] ?? 'This flow is not available.' };
    }
    const context: PlanContext = {};
    const next = safeRedirect(new URLSearchParams(request.query).get('next'));
    if (next) context.redirect = next;
    if (sessionUser) context.pending_user = sessionUser.pk;
    // Context from a trusted caller (PreparePlan) is there before any policy runs.
    Object.assign(context, trusted);

    const flowBindings = flow.policy_bindings.filter((b) => b.target === flow.pk);
    const flowRequest = this.policyRequest(sessionUser, context, request);
    const flowResult = await this.engine.evaluate(flowBindings, mode(flow.policy_engine_mode), flowRequest);
    if (!flowResult.passing) return { denied: true, message: flowResult.messages.join(' ') || 'You do not have access to this flow.' };
    Object.assign(context, flowRequest.planChanges);

    const plan: string[] = [];
    const reEvaluate: string[] = [];
    for (const binding of [...flow.bindings].sort((a, b) => a.order - b.order)) {
      if (binding.evaluate_on_plan) {
        const policyRequest = this.policyRequest(sessionUser, context, request);
        const outcome = await this.engine.evaluate(bindingsOf(flow, binding.pk), mode(binding.policy_engine_mode), policyRequest);
        if (!outcome.passing) continue;
        Object.assign(context, policyRequest.planChanges);
      }
      if (binding.re_evaluate_policies) reEvaluate.push(binding.pk);
      plan.push(binding.pk);
    }
    return { flowSlug: flow.slug, plan, reEvaluate, index: 0, context, attempts: {}, query: request.query };
  }

  /** Whether a binding's policies (checked when its stage is reached) let it run. */
  async bindingPasses(
    flow: FlowDefinition__Output,
    bindingPk: string,
    user: User__Output | null,
    state: ExecutionState,
    request: PlanRequest,
  ): Promise<boolean> {
    const binding = flow.bindings.find((b) => b.pk === bindingPk);
    if (!binding) return false;
    const policyRequest = this.policyRequest(user, state.context, request);
    const outcome = await this.engine.evaluate(bindingsOf(flow, bindingPk), mode(binding.policy_engine_mode), policyRequest);
    if (outcome.passing) Object.assign(state.context, policyRequest.planChanges);
    return outcome.passing;
  }

  policyRequest(user: User__Output | null, context: PlanContext, request: PlanRequest): PolicyRequest {
    return {
      user,
      identifier: context.pending_user_identifier ?? user?.username ?? '',
      clientIp: request.clientIp,
      http: { method: request.method, host: request.host, path: request.path, userAgent: request.userAgent },
      context: { ...context, flow_plan: { context } },
      planChanges: {},
    };
  }
}

function meetsRequirement(requirement: string, user: User__Output | null): boolean {
  switch (requirement) {
    case 'none':
      return true;
    case 'require_authenticated':
      return user !== null;
    case 'require_unauthenticated':
      return user === null;
    case 'require_superuser':
      return user?.is_superuser === true;
    default:
      // An unknown requirement is a configuration this build cannot honour: fail closed.
      return false;
  }
}

function bindingsOf(flow: FlowDefinition__Output, target: string): PolicyBinding__Output[] {
  return flow.policy_bindings.filter((b) => b.target === target);
}

function mode(value: string): 'any' | 'all' {
  return value === 'all' ? 'all' : 'any';
}

/** A redirect target the flow may send the browser to: a local absolute path only. */
export function safeRedirect(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\\]/.test(value)) return undefined;
  return value;
}
