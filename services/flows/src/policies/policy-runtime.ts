import type { User__Output } from '@authmesh/rpc';

/** What a policy is asked about. */
export interface PolicyRequest {
  /** The user the decision is about (the pending user, else the logged-in user); null when anonymous. */
  user: User__Output | null;
  /** What the user typed to identify themselves, when no user is known yet. */
  identifier: string;
  clientIp: string;
  /** A safe view of the HTTP request: no cookies, no authorization header. */
  http: { method: string; host: string; path: string; userAgent: string };
  /** The plan context and anything the caller adds (e.g. `event` for event matchers). */
  context: Record<string, unknown>;
  /**
   * Where expression policies gating a flow or a stage may record changes to the plan
   * context (`ak_set_plan_context`); the executor applies them only when the policies pass.
   * Absent elsewhere (tests, prompt validation), where such changes are refused.
   */
  planChanges?: Record<string, unknown>;
}

export interface PolicyResult {
  passing: boolean;
  messages: string[];
}

/** One policy type's decision logic. A runtime may throw; the engine turns that into the binding's failure result. */
export interface PolicyRuntime {
  type: string;
  /**
   * Whether a result with these settings depends only on the settings and the user, so it
   * may be cached per (binding, user) until the next configuration change.
   */
  cacheable?(settings: Record<string, unknown>): boolean;
  evaluate(settings: Record<string, unknown>, request: PolicyRequest, signal: AbortSignal): Promise<PolicyResult>;
}

/** A passing or failing result with optional messages. */
export function result(passing: boolean, ...messages: string[]): PolicyResult {
  return { passing, messages };
}
