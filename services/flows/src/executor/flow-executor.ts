import { GrpcStatus, RpcCallError, type FlowDefinition__Output, type User__Output } from '@authmesh/rpc';
import { FailedPreconditionError, NotFoundError } from '@authmesh/runtime';
import type { CookieChange, StageServices } from '../stages/stage-services.js';
import type { StageRequest, StageResult, StageRuntime } from '../stages/stage-runtime.js';
import { BUILT_IN_FLOWS } from './built-in-flows.js';
import { responseErrors, type Challenge, type FlowInfo } from './challenge.js';
import type { ExecutionRepository } from './execution.repository.js';
import type { FlowConfigCache } from './flow-config.cache.js';
import type { FlowTokenRepository } from './flow-token.repository.js';
import { safeRedirect, type FlowPlanner, type PlanRequest } from './flow-planner.js';
import type { ExecutionState, PlanContext } from './plan-context.js';
import { digest, FLOW_COOKIE, newKey, requestScoped, Run, type ExecutorRequest, type ExecutorResponse } from './flow-run.js';

/** Plan entries for stages injected by other stages (not bound to the flow) start with this. */
const INJECTED = 'stage:';
/** Plan entries for in-memory stages (a runtime type, no configuration) start with this. */
export const IN_MEMORY = 'memory:';
/** Stage types a recovery link stands in for: it names the user and was delivered to them. */
const LINK_REPLACES_STAGES = new Set(['identification', 'email']);
/** Where the flow interface sends a cancelled flow. */
export const CANCEL_URL = '/flows/-/cancel/';

/**
 * Runs flows one HTTP round trip at a time. State lives in the database keyed by a digest
 * of the flow cookie, so any replica can serve the next request. A POST only ever answers
 * the stage the plan is at, and only a stage's own "next" moves the plan forward.
 */
export class FlowExecutor {
  constructor(
    private readonly configs: FlowConfigCache,
    private readonly planner: FlowPlanner,
    private readonly executions: ExecutionRepository,
    private readonly services: StageServices,
    private readonly runtimes: ReadonlyMap<string, StageRuntime>,
    private readonly tokens: FlowTokenRepository,
  ) {}

  async execute(request: ExecutorRequest): Promise<ExecutorResponse> {
    const cookies: CookieChange[] = [];
    let flowKey = request.flowKey && /^[A-Za-z0-9_-]{32,64}$/.test(request.flowKey) ? request.flowKey : undefined;
    if (!flowKey) {
      flowKey = newKey();
      cookies.push({ name: FLOW_COOKIE, value: flowKey, httpOnly: true });
    }
    const flow = await this.flow(request.slug);
    if (!flow) return { status: 404, body: { detail: 'Not found.' }, cookies };
    const services = requestScoped(this.services);
    const sessionUser = await this.sessionUser(request.sessionKey, request);

    let state = await this.executions.find(digest(flowKey), flow.slug);
    let canSubmit = request.method === 'POST';
    const resumed = await this.resumeFromToken(flow, request, sessionUser);
    if (resumed === 'invalid' && !state) {
      return { status: 200, body: this.denied(flow, 'This link is invalid, has expired or was already used.', request, false), cookies };
    }
    if (resumed !== null && typeof resumed === 'object' && 'denied' in resumed) {
      return { status: 200, body: this.denied(flow, resumed.denied, request, true), cookies };
    }
    if (resumed !== 'invalid' && resumed !== null) {
      state = resumed;
      canSubmit = false;
    }
    if (!state) {
      // A POST without a plan answers the first challenge; it never counts as a response.
      canSubmit = false;
      const planned = await this.planner.plan(flow, sessionUser, request);
      if ('denied' in planned) return { status: 200, body: this.denied(flow, planned.message, request, true), cookies };
      state = planned;
    }
    const run = new Run(flow, state, flowKey, request, sessionUser, cookies, services);
    return this.advance(run, canSubmit);
  }

  /**
   * A `flow_token` in the query resumes the plan it was issued for (single use, same flow,
   * same user). Answers null when there is no token, 'invalid' when it cannot be used.
   */
  private async resumeFromToken(
    flow: FlowDefinition__Output,
    request: ExecutorRequest,
    sessionUser: User__Output | null,
  ): Promise<ExecutionState | { denied: string } | 'invalid' | null> {
    const params = new URLSearchParams(request.query);
    const token = params.get('flow_token');
    if (!token) return null;
    const record = token.length <= 100 ? await this.tokens.take(digest(token), flow.slug) : null;
    if (!record || record.state.context.pending_user !== record.userPk) return 'invalid';
    params.delete('flow_token');
    const query = params.toString();
    // An e-mail stage's token proves the mailbox at its binding and resumes the plan it was sent from.
    if (record.bindingPk) return { ...record.state, query, context: { ...record.state.context, email_verified: record.bindingPk } };
    // A recovery link is planned again for the browser that opened it, so the flow's requirement
    // and policies judge this request (its address, its session), not the administrator's.
    const planned = await this.planRecovery(flow, record.userPk, sessionUser, request);
    if ('denied' in planned) return { denied: planned.denied };
    return { ...planned, query };
  }

  /** The recovery flow planned for a known user, without the stages a link replaces. */
  private async planRecovery(
    flow: FlowDefinition__Output,
    userPk: string,
    sessionUser: User__Output | null,
    request: PlanRequest,
  ): Promise<ExecutionState | { denied: string }> {
    const planned = await this.planner.plan(flow, sessionUser, request, { pending_user: userPk, is_restored: true });
    if ('denied' in planned) return { denied: planned.message };
    const replaced = new Set(flow.bindings.filter((b) => b.stage && LINK_REPLACES_STAGES.has(b.stage.type)).map((b) => b.pk));
    planned.plan = planned.plan.filter((pk) => !replaced.has(pk));
    planned.reEvaluate = planned.reEvaluate.filter((pk) => !replaced.has(pk));
    if (planned.plan.length === 0) return { denied: 'The recovery flow has no stage a recovery link could open.' };
    return planned;
  }

  /**
   * Plans a flow for an administrator's recovery link and stores it under a new single-use
   * token (replacing the user's earlier recovery links). The plan starts with the user known
   * and `is_restored` set, so policies can skip stages for restored plans; identification
   * and e-mail stages are left out, because the link itself names the user and reaches
   * them. Answers the token key and when it expires.
   */
  async planRecoveryLink(slug: string, userPk: string, request: PlanRequest, minutes: number): Promise<{ key: string; expires: Date }> {
    const flow = await this.flow(slug);
    if (!flow) throw new NotFoundError('No recovery flow is configured.');
    // Planned now only to refuse at once a flow that cannot serve the link; the browser that
    // opens it gets a plan of its own.
    const planned = await this.planRecovery(flow, userPk, null, request);
    if ('denied' in planned) throw new FailedPreconditionError(`The recovery flow does not apply to this user: ${planned.denied}`);
    const key = newKey();
    const expires = await this.tokens.replaceRecovery(
      digest(key),
      { flowSlug: flow.slug, userPk, bindingPk: null, state: planned },
      minutes,
    );
    return { key, expires };
  }

  /**
   * Plans a flow for a browser before it arrives, with context from a trusted caller (the
   * application and permissions of an authorization). Answers the flow cookie to use.
   */
  async prepare(
    request: PlanRequest & { slug: string; flowKey: string; sessionKey: string; context: PlanContext; append?: readonly string[] },
  ) {
    const flow = await this.flow(request.slug);
    if (!flow) return { planned: false, message: 'No such flow.', flow_key: '' };
    const sessionUser = await this.sessionUser(request.sessionKey || undefined, request);
    const planned = await this.planner.plan(flow, sessionUser, request, request.context);
    if ('denied' in planned) return { planned: false, message: planned.message, flow_key: '' };
    for (const type of request.append ?? []) {
      if (!this.runtimes.get(type)?.inMemory) throw new Error(`${type} is not an in-memory stage`);
      if (!planned.plan.includes(`${IN_MEMORY}${type}`)) planned.plan.push(`${IN_MEMORY}${type}`);
    }
    const flowKey = /^[A-Za-z0-9_-]{32,64}$/.test(request.flowKey) ? request.flowKey : newKey();
    await this.executions.save(digest(flowKey), planned);
    return { planned: true, message: '', flow_key: flowKey };
  }

  /** Forgets an execution nobody will continue (a protocol login that stopped early). */
  async abandon(slug: string, flowKey: string): Promise<void> {
    await this.executions.delete(digest(flowKey), slug);
  }

  /** What the inspector shows: this browser's execution of a flow, or null when it has none. */
  async inspect(slug: string, flowKey: string | undefined) {
    const flow = await this.flow(slug);
    if (!flow) throw new NotFoundError();
    const state = flowKey ? await this.executions.find(digest(flowKey), flow.slug) : null;
    if (!state) return { plans: [], current_plan: null, is_completed: false };
    const stageAt = (index: number) => {
      const binding = flow.bindings.find((b) => b.pk === state.plan[index]);
      return binding?.stage ? { pk: binding.stage.pk, name: binding.stage.name, type: binding.stage.type, binding: binding.pk } : null;
    };
    // Secrets typed into prompts never leave through the inspector.
    const promptData = Object.fromEntries(
      Object.entries(state.context.prompt_data ?? {}).map(([key, value]) => [key, /password/i.test(key) ? '********' : value]),
    );
    return {
      plans: [],
      current_plan: {
        current_stage: stageAt(state.index),
        next_planned_stage: stageAt(state.index + 1),
        plan_context: {
          ...state.context,
          prompt_data: promptData,
          consent_token: undefined,
          totp_enrollment: undefined,
          static_enrollment: undefined,
        },
        stages: state.plan.map((_, i) => stageAt(i)),
      },
      is_completed: state.index >= state.plan.length,
    };
  }

  /**
   * Forgets every execution of this browser (the flow interface's cancel link); in-memory
   * stages still ahead in them learn that their flow was abandoned.
   */
  async cancel(flowKey: string | undefined, request?: Omit<StageRequest, 'query' | 'interactive'>): Promise<void> {
    if (!flowKey) return;
    const waiting = request
      ? (await this.executions.findAll(digest(flowKey))).filter((state) => state.plan.some((e) => e.startsWith(IN_MEMORY)))
      : [];
    if (request && waiting.length > 0) {
      const sessionUser = await this.sessionUser(request.sessionKey ?? undefined, request);
      for (const state of waiting) {
        await this.abandonStages(
          state,
          { ...request, query: new URLSearchParams(state.query), interactive: true },
          sessionUser,
          'Cancelled by the user.',
        );
      }
    }
    await this.executions.delete(digest(flowKey));
  }

  /** Tells the in-memory stages from the current one on that their flow ends here; their failures are logged, never raised. */
  private async abandonStages(
    state: ExecutionState,
    request: StageRequest,
    sessionUser: User__Output | null,
    message: string,
  ): Promise<void> {
    for (const entry of state.plan.slice(state.index)) {
      const runtime = entry.startsWith(IN_MEMORY) ? this.runtimes.get(entry.slice(IN_MEMORY.length)) : undefined;
      if (!runtime?.inMemory || !runtime.abandon) continue;
      await runtime
        .abandon({ plan: state.context, request, sessionUser, services: this.services, message })
        .catch((error: unknown) => this.services.logger.warn({ err: error, stage: runtime.type }, 'abandoning an in-memory stage failed'));
    }
  }

  private async advance(run: Run, canSubmit: boolean): Promise<ExecutorResponse> {
    const { flow, state, request } = run;
    for (;;) {
      if (state.index >= state.plan.length) return this.finish(run);
      const bindingPk = state.plan[state.index];
      const binding = await this.bindingAt(flow, bindingPk);
      const candidate = binding?.stage ? this.runtimes.get(binding.stage.type) : undefined;
      // In-memory stage types run only where authmesh put them, never from an admin's binding.
      const runtime = candidate && Boolean(candidate.inMemory) === bindingPk.startsWith(IN_MEMORY) ? candidate : undefined;
      if (!binding?.stage || !runtime) {
        // The flow changed under this execution, or a stage type this build cannot run: stop (fail closed).
        await this.executions.delete(digest(run.flowKey), flow.slug);
        return run.respond(200, this.denied(flow, 'This flow cannot continue. Start again.', request, false));
      }
      if (
        state.reEvaluate.includes(bindingPk) &&
        !(await this.planner.bindingPasses(flow, bindingPk, await run.policyUser(run.services), state, request))
      ) {
        state.index += 1;
        continue;
      }
      const ctx = run.stageContext(
        binding,
        run.services,
        (change) => run.cookies.push(change),
        (minutes) => this.issueToken(run, binding.pk, minutes),
        (slug, context, append) => this.startFlow(run, slug, context, append),
      );
      const body = canSubmit ? asObject(request.body) : null;
      let result: StageResult;
      if (body && (body.component === undefined || body.component === runtime.component)) {
        result = await runtime.submit(ctx, body);
      } else {
        result = await runtime.challenge(ctx);
      }
      canSubmit = false;

      if (result.kind === 'next') {
        state.index += 1;
        state.attempts = Object.fromEntries(Object.entries(state.attempts).filter(([pk]) => pk !== bindingPk));
        if (request.method === 'POST') {
          await this.save(run);
          return run.respond(302, undefined, executorUrl(flow.slug, state.query));
        }
        continue;
      }
      if (result.kind === 'deny') {
        await this.abandonStages(state, ctx.request, run.sessionUser, result.message);
        await this.executions.delete(digest(run.flowKey), flow.slug);
        return run.respond(200, this.denied(flow, result.message, request, false));
      }
      if (result.kind === 'inject') {
        // The injected stage runs next; this one is asked again afterwards.
        state.plan.splice(state.index, 0, `${INJECTED}${result.stagePk}`);
        await this.save(run);
        if (request.method === 'POST') return run.respond(302, undefined, executorUrl(flow.slug, state.query));
        continue;
      }
      if (result.kind === 'challenge') {
        await this.save(run);
        return run.respond(200, this.challenge(flow, runtime.component, result.challenge, state.context));
      }
      // Invalid response: count it, then retry or restart as the binding says.
      if (result.failedAttempt) state.attempts[bindingPk] = (state.attempts[bindingPk] ?? 0) + 1;
      if (binding.invalid_response_action !== 'retry') {
        state.index = 0;
        if (binding.invalid_response_action === 'restart')
          state.context = state.context.redirect ? { redirect: state.context.redirect } : {};
        await this.save(run);
        return run.respond(302, undefined, executorUrl(flow.slug, state.query));
      }
      // Asked after the failure was counted; what the challenge puts in the plan (a new WebAuthn ceremony) is saved too.
      const shown = await runtime.challenge(ctx);
      await this.save(run);
      const fields = shown.kind === 'challenge' ? shown.challenge : {};
      return run.respond(200, {
        ...this.challenge(flow, runtime.component, fields, state.context),
        response_errors: responseErrors(result.errors),
      });
    }
  }

  /** A plan entry's binding: a flow-stage binding, an in-memory stage, or a stage injected by another stage. */
  private async bindingAt(flow: FlowDefinition__Output, entry: string): Promise<FlowDefinition__Output['bindings'][number] | undefined> {
    if (entry.startsWith(IN_MEMORY)) return flow.bindings.find((b) => b.pk === entry) ?? inMemoryBinding(entry);
    if (!entry.startsWith(INJECTED)) return flow.bindings.find((b) => b.pk === entry);
    const stage = await this.services.config.getStage(entry.slice(INJECTED.length)).catch(() => null);
    if (!stage) return undefined;
    return {
      pk: entry,
      order: 0,
      evaluate_on_plan: false,
      re_evaluate_policies: false,
      policy_engine_mode: 'any',
      invalid_response_action: 'retry',
      stage,
    };
  }

  /** Plans another flow for this browser with the same flow cookie and session (a stage's startFlow). */
  private async startFlow(run: Run, slug: string, context: PlanContext, append: readonly string[]) {
    const prepared = await this.prepare({
      slug,
      flowKey: run.flowKey,
      sessionKey: run.request.sessionKey ?? '',
      clientIp: run.request.clientIp,
      userAgent: run.request.userAgent,
      host: run.request.host,
      method: 'GET',
      path: '',
      query: '',
      context,
      append,
    });
    return { planned: prepared.planned, message: prepared.message };
  }

  private async issueToken(run: Run, bindingPk: string, minutes: number): Promise<string> {
    const userPk = run.state.context.pending_user;
    if (!userPk) throw new Error('a flow token needs a pending user');
    const key = newKey();
    const state: ExecutionState = structuredClone(run.state);
    await this.tokens.issue(digest(key), { flowSlug: run.flow.slug, userPk, bindingPk, state }, minutes);
    return key;
  }

  private async finish(run: Run): Promise<ExecutorResponse> {
    await this.executions.delete(digest(run.flowKey), run.flow.slug);
    if (run.rotatedFrom) await this.executions.delete(digest(run.rotatedFrom), run.flow.slug);
    const to = run.state.context.redirect ?? safeRedirect(new URLSearchParams(run.state.query).get('next')) ?? '/';
    const done = run.respond(200, { type: 'redirect', component: 'xak-flow-redirect', to });
    return run.state.context.logged_in_user ? { ...done, authenticatedUser: run.state.context.logged_in_user } : done;
  }

  private async save(run: Run): Promise<void> {
    await this.executions.save(digest(run.flowKey), run.state);
    if (run.rotatedFrom) {
      await this.executions.delete(digest(run.rotatedFrom), run.flow.slug);
      run.rotatedFrom = undefined;
    }
  }

  /** The access-denied challenge, or a redirect when the flow's denied action says so (planning denials only). */
  private denied(flow: FlowDefinition__Output, message: string, request: PlanRequest, planning: boolean): Challenge {
    const next = safeRedirect(new URLSearchParams(request.query).get('next'));
    if (planning && (flow.denied_action === 'continue' || (flow.denied_action === 'message_continue' && next))) {
      return { type: 'redirect', component: 'xak-flow-redirect', to: next ?? '/' };
    }
    return { ...this.challenge(flow, 'ak-stage-access-denied', {}), error_message: message };
  }

  private challenge(flow: FlowDefinition__Output, component: string, fields: Record<string, unknown>, context?: PlanContext): Challenge {
    return { ...fields, type: 'native', component, flow_info: flowInfo(flow, context) };
  }

  private async flow(slug: string): Promise<FlowDefinition__Output | null> {
    if (!/^[-a-zA-Z0-9_]{1,50}$/.test(slug)) return null;
    const builtIn = BUILT_IN_FLOWS.get(slug);
    if (builtIn) return builtIn;
    try {
      return await this.configs.flow(slug);
    } catch (error) {
      if ((error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) || error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** The logged-in user of a session cookie, or null. */
  private async sessionUser(sessionKey: string | undefined, client: { clientIp: string; userAgent: string }): Promise<User__Output | null> {
    if (!sessionKey) return null;
    const answer = await this.services.identity.checkSession({
      session_key: sessionKey,
      client_ip: client.clientIp,
      user_agent: client.userAgent,
    });
    return answer.valid && answer.user ? answer.user : null;
  }
}

/**
 * The frame of a flow's pages. A title may name the application the flow runs for as
 * `%(app)s`, as the reference product's authorization flows do.
 */
function flowInfo(flow: FlowDefinition__Output, context?: PlanContext): FlowInfo {
  const app = String(context?.application_name ?? context?.application ?? '');
  return { title: flow.title.replaceAll('%(app)s', app), background: flow.background, cancel_url: CANCEL_URL, layout: flow.layout };
}

/** The binding of an in-memory stage: its runtime type and nothing configured. */
function inMemoryBinding(entry: string): FlowDefinition__Output['bindings'][number] {
  const type = entry.slice(IN_MEMORY.length);
  return {
    pk: entry,
    order: 0,
    evaluate_on_plan: false,
    re_evaluate_policies: false,
    policy_engine_mode: 'any',
    invalid_response_action: 'retry',
    stage: { pk: entry, name: type, type, settings_json: '{}' },
  };
}

function executorUrl(slug: string, query: string): string {
  return `/api/v3/flows/executor/${slug}/?query=${encodeURIComponent(query)}`;
}

function asObject(body: unknown): Record<string, unknown> | null {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}
