import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, VmCallResult } from 'quickjs-emscripten';

import { ExpressionError } from './expression.error.js';
import { COMPILE_STACK_BYTES, type ExpressionLimits } from './expression.limits.js';
import type { HostFunction, JsonValue } from './expression.types.js';
import { describeIpAddress, describeIpNetwork, ipNetworkContains } from './ip-address.js';
import { toExpressionError, toSandboxFailure, type FailureContext } from './sandbox-failure.js';
import type { SandboxModule } from './sandbox-module.pool.js';
import { BUILTIN_PREFIX, EXPRESSION_FILE, SANDBOX_PRELUDE, wrapExpressionBody } from './sandbox.prelude.js';

// Host halves of the built-in helpers; the prelude wraps them (ip_network adds `contains`).
const BUILTINS: Record<string, HostFunction> = {
  [`${BUILTIN_PREFIX}ip_address`]: (text) => describeIpAddress(text),
  [`${BUILTIN_PREFIX}ip_network`]: (cidr) => describeIpNetwork(cidr),
  [`${BUILTIN_PREFIX}ip_network_contains`]: (cidr, address) => ipNetworkContains(cidr, address),
};

/** A compiled, validated request to run one expression. */
export interface EvaluationPlan {
  source: string;
  /** `{ globals, functions: [names] }` as JSON, built and checked by the engine. */
  setupJson: string;
  functions: Record<string, HostFunction>;
  limits: Required<ExpressionLimits>;
  /** performance.now() time at which the evaluation times out. */
  deadline: number;
}

function errorReply(error: unknown): string {
  return JSON.stringify({ e: error instanceof Error ? error.message : String(error) });
}

function valueReply(value: unknown): string {
  try {
    return value === undefined ? '{}' : JSON.stringify({ v: value });
  } catch {
    return errorReply('the helper answered with a value that is not JSON');
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * One evaluation in a fresh runtime and context of a leased sandbox module. The host drives
 * the sandbox: it runs the body, then alternates between running the sandbox's pending jobs
 * and waiting for the next async helper to answer, until the body's promise settles or the
 * deadline passes. Every handle is disposed at the end, so nothing outlives the evaluation.
 */
export class SandboxEvaluation {
  private readonly handles: { alive: boolean; dispose(): void }[] = [];
  private readonly replies: [ticket: number, reply: string][] = [];
  private inflight = 0;
  private nextTicket = 1;
  private finished = false;
  private wake: (() => void) | undefined;
  /** False once the module may be damaged or has used up its memory; the pool then drops it. */
  healthy = true;

  constructor(
    private readonly module: SandboxModule,
    private readonly plan: EvaluationPlan,
  ) {}

  /** Runs the plan and answers the expression's return value; always tears the context down. */
  async run(): Promise<JsonValue> {
    try {
      return await this.execute();
    } catch (error) {
      const failure = toSandboxFailure(error, this.failureContext());
      if (!(error instanceof ExpressionError)) this.healthy = false;
      throw failure ?? error;
    } finally {
      this.finished = true;
      this.teardown();
      if (this.module.exhausted()) this.healthy = false;
    }
  }

  private async execute(): Promise<JsonValue> {
    const runtime = this.manage(this.module.quickjs.newRuntime());
    // Still useful: it refuses any single allocation larger than the limit (see sandbox-module.pool.ts).
    runtime.setMemoryLimit(this.plan.limits.memoryBytes);
    runtime.setMaxStackSize(COMPILE_STACK_BYTES);
    runtime.setInterruptHandler(() => this.timedOut());
    const context = this.manage(runtime.newContext());

    const prelude = this.unwrap(context, context.evalCode(SANDBOX_PRELUDE, 'prelude.js', { type: 'global' }));
    const compiled = context.evalCode(wrapExpressionBody(this.plan.source), EXPRESSION_FILE, { type: 'global' });
    const body = this.unwrap(context, compiled, { source: this.plan.source });
    runtime.setMaxStackSize(this.plan.limits.maxStackBytes);

    const bridge = this.manage(context.newFunction('hostCall', (name, args) => this.onHostCall(context, name, args)));
    const setup = this.manage(context.newString(this.plan.setupJson));
    const exported = this.unwrap(context, context.callFunction(prelude, context.undefined, bridge, setup));
    const run = this.manage(context.getProp(exported, 'run'));
    const settle = this.manage(context.getProp(exported, 'settle'));
    const promise = this.unwrap(context, context.callFunction(run, context.undefined, body));
    return this.pump(runtime, context, promise, settle);
  }

  private async pump(runtime: QuickJSRuntime, context: QuickJSContext, promise: QuickJSHandle, settle: QuickJSHandle): Promise<JsonValue> {
    for (;;) {
      this.deliverReplies(context, settle);
      const jobs = runtime.executePendingJobs();
      if (jobs.error) throw this.thrown(context, jobs.error);
      const state = context.getPromiseState(promise);
      if (state.type === 'rejected') throw this.thrown(context, state.error);
      if (state.type === 'fulfilled') return this.decodeResult(context, this.manage(state.value));
      if (this.replies.length > 0) continue;
      if (this.timedOut()) throw toExpressionError(undefined, this.failureContext());
      if (this.inflight === 0) throw new ExpressionError('runtime', 'the expression awaits a promise that can never settle');
      await this.nextReplyOrDeadline();
    }
  }

  private onHostCall(context: QuickJSContext, nameHandle: QuickJSHandle, argsHandle: QuickJSHandle): QuickJSHandle {
    const name = context.getString(nameHandle);
    const helper = Object.hasOwn(BUILTINS, name)
      ? BUILTINS[name]
      : Object.hasOwn(this.plan.functions, name)
        ? this.plan.functions[name]
        : undefined;
    if (helper === undefined) return context.newString(errorReply(`no helper named ${name}`));
    if (this.timedOut()) return context.newString(errorReply('the expression ran out of time'));
    let answer: ReturnType<HostFunction>;
    try {
      answer = helper(...(JSON.parse(context.getString(argsHandle)) as JsonValue[]));
    } catch (error) {
      return context.newString(errorReply(error));
    }
    if (!isThenable(answer)) return context.newString(valueReply(answer));
    const ticket = this.nextTicket++;
    this.inflight += 1;
    Promise.resolve(answer)
      .then(valueReply, errorReply)
      .then((reply) => {
        this.inflight -= 1;
        if (this.finished) return;
        this.replies.push([ticket, reply]);
        this.wake?.();
      });
    return context.newNumber(ticket);
  }

  private deliverReplies(context: QuickJSContext, settle: QuickJSHandle): void {
    for (let next = this.replies.shift(); next !== undefined; next = this.replies.shift()) {
      // Disposed at once rather than at teardown: an expression may await thousands of answers.
      const ticket = context.newNumber(next[0]);
      const reply = context.newString(next[1]);
      const settled = context.callFunction(settle, context.undefined, ticket, reply);
      ticket.dispose();
      reply.dispose();
      if (settled.error) throw this.thrown(context, settled.error);
      settled.value.dispose();
    }
  }

  private decodeResult(context: QuickJSContext, value: QuickJSHandle): JsonValue {
    if (context.typeof(value) !== 'string') throw new ExpressionError('result', 'the expression did not produce a JSON result');
    return JSON.parse(context.getString(value)) as JsonValue;
  }

  private nextReplyOrDeadline(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), Math.max(0, this.plan.deadline - performance.now()));
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private unwrap(context: QuickJSContext, result: VmCallResult<QuickJSHandle>, compiling?: FailureContext['compiling']): QuickJSHandle {
    if (result.error) throw this.thrown(context, result.error, compiling);
    return this.manage(result.value);
  }

  private thrown(context: QuickJSContext, error: QuickJSHandle, compiling?: FailureContext['compiling']): ExpressionError {
    const dumped: unknown = context.dump(this.manage(error));
    return toExpressionError(dumped, { ...this.failureContext(), compiling });
  }

  private timedOut(): boolean {
    return performance.now() >= this.plan.deadline;
  }

  private failureContext(): FailureContext {
    return { timedOut: this.timedOut(), timeoutMs: this.plan.limits.timeoutMs, memoryExhausted: this.module.exhausted() };
  }

  private manage<T extends { alive: boolean; dispose(): void }>(handle: T): T {
    this.handles.push(handle);
    return handle;
  }

  /** Disposes handles, then the context, then the runtime (reverse order of creation). */
  private teardown(): void {
    this.wake?.();
    for (const handle of this.handles.reverse()) {
      try {
        if (handle.alive) handle.dispose();
      } catch {
        // A failed teardown (QuickJS asserting on leftovers) may leave the instance inconsistent.
        this.healthy = false;
      }
    }
  }
}
