import type { Logger } from '@authmesh/logger';
import type { PolicyBinding__Output } from '@authmesh/rpc';
import type { PolicyRequest, PolicyResult, PolicyRuntime } from './policy-runtime.js';

export type EngineMode = 'any' | 'all';

/** The outcome of one binding, for the inspector and logs. */
export interface BindingOutcome {
  binding: string;
  passing: boolean;
  messages: string[];
  error?: string;
}

/**
 * Evaluates the policy bindings of a target. Disabled bindings are ignored and a target
 * without bindings passes. A policy that throws or overruns its binding's timeout counts
 * as the binding's failure result, and that result is final: negation applies only to
 * results a policy actually produced, so an error can never turn into a pass by negation.
 */
/** How long a cached result is trusted even without a change announcement (a safety net). */
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX_ENTRIES = 10_000;

export class PolicyEngine {
  private readonly runtimes: Map<string, PolicyRuntime>;
  /** Results of cacheable policies by `binding:user`, dropped on every configuration change. */
  private readonly cache = new Map<string, { result: PolicyResult; at: number }>();

  constructor(
    runtimes: readonly PolicyRuntime[],
    private readonly logger: Logger,
  ) {
    this.runtimes = new Map(runtimes.map((r) => [r.type, r]));
  }

  async evaluate(
    bindings: readonly PolicyBinding__Output[],
    mode: EngineMode,
    request: PolicyRequest,
  ): Promise<PolicyResult & { outcomes: BindingOutcome[] }> {
    const enabled = bindings.filter((b) => b.enabled);
    if (enabled.length === 0) return { passing: true, messages: [], outcomes: [] };
    const outcomes = await Promise.all(enabled.map((binding) => this.evaluateBinding(binding, request)));
    const passing = mode === 'all' ? outcomes.every((o) => o.passing) : outcomes.some((o) => o.passing);
    const messages = outcomes.filter((o) => !o.passing).flatMap((o) => o.messages);
    return { passing, messages, outcomes };
  }

  private async evaluateBinding(binding: PolicyBinding__Output, request: PolicyRequest): Promise<BindingOutcome> {
    try {
      const produced = await this.subjectResult(binding, request);
      return { binding: binding.pk, passing: binding.negate ? !produced.passing : produced.passing, messages: produced.messages };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ binding: binding.pk, err: message }, 'policy failed; using the binding failure result');
      return { binding: binding.pk, passing: binding.failure_result, messages: [], error: message };
    }
  }

  /** How many results are cached. */
  get cacheSize(): number {
    return this.cache.size;
  }

  /** Forgets every cached result (on configuration changes and on request). */
  clearCache(): void {
    this.cache.clear();
  }

  private async subjectResult(binding: PolicyBinding__Output, request: PolicyRequest): Promise<PolicyResult> {
    if (binding.subject === 'group_pk') {
      return { passing: Boolean(binding.group_pk) && Boolean(request.user?.groups.some((g) => g.pk === binding.group_pk)), messages: [] };
    }
    if (binding.subject === 'user_pk') return { passing: Boolean(binding.user_pk) && request.user?.pk === binding.user_pk, messages: [] };
    const policy = binding.policy;
    if (!policy) throw new Error('binding has no subject');
    const runtime = this.runtimes.get(policy.type);
    if (!runtime) throw new Error(`no runtime for policy type ${policy.type}`);
    const settings = JSON.parse(policy.settings_json) as Record<string, unknown>;
    const key = runtime.cacheable?.(settings) ? `${binding.pk}:${request.user?.pk ?? ''}` : undefined;
    const hit = key ? this.cache.get(key) : undefined;
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.result;
    const result = await withTimeout(binding.timeout_seconds * 1000, (signal) => runtime.evaluate(settings, request, signal));
    if (key) {
      if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
      this.cache.set(key, { result, at: Date.now() });
    }
    return result;
  }
}

async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`policy timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
