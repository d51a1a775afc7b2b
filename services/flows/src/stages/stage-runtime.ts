import type { FlowDefinition__Output, FlowStageBinding__Output, User__Output } from '@authmesh/rpc';
import type { PlanContext } from '../executor/plan-context.js';
import type { ResponseControl, StageServices } from './stage-services.js';

/** The request a stage runs in: a safe view, nothing a stage could forward by mistake. */
export interface StageRequest {
  clientIp: string;
  userAgent: string;
  host: string;
  /** Whether the browser reached us over HTTPS (decides the Secure cookie flag). */
  secure: boolean;
  /** The query the flow was started with. */
  query: URLSearchParams;
  /** The login session key from the cookie, if any. */
  sessionKey: string | null;
  /** The request's cookies (stages read their own, e.g. the MFA cookie). */
  cookies: ReadonlyMap<string, string>;
  /**
   * False when a protocol (an LDAP bind, a RADIUS request) runs the flow with credentials
   * it received at once: nobody can answer a question, and no browser keeps a session.
   */
  interactive: boolean;
}

/** Everything a stage sees while it runs. `plan` is the execution's context; stages change it. */
export interface StageContext {
  flow: FlowDefinition__Output;
  binding: FlowStageBinding__Output;
  settings: Record<string, unknown>;
  plan: PlanContext;
  request: StageRequest;
  /** The logged-in user of this browser, if any. */
  sessionUser: User__Output | null;
  /** Failed attempts at this binding so far in this execution. */
  attempts: number;
  services: StageServices;
  response: ResponseControl;
}

/** What a stage decided. */
export type StageResult =
  /** Show this challenge (fields of the stage's component; the executor adds type, component and flow info). */
  | { kind: 'challenge'; challenge: Record<string, unknown> }
  /** The response was not acceptable; show the challenge again with these errors. */
  | { kind: 'invalid'; errors: Record<string, string[]>; failedAttempt?: boolean }
  /** The stage is done; go on with the next one. */
  | { kind: 'next' }
  /** Stop the flow with a message. */
  | { kind: 'deny'; message: string }
  /** Run this stage (by UUID, not bound to the flow) next, then come back here. */
  | { kind: 'inject'; stagePk: string };

/** What a stage that is abandoned (its flow was denied or cancelled before it ran) may still see. */
export interface AbandonedStage {
  plan: PlanContext;
  request: StageRequest;
  sessionUser: User__Output | null;
  services: StageServices;
  message: string;
}

/** A stage type's runtime. Each type is a folder under stages/ with the same few files. */
export interface StageRuntime {
  type: string;
  component: string;
  /**
   * An in-memory stage: never bound by an admin, only put into a plan by authmesh itself
   * (the device code stages). The executor refuses configured bindings of such a type.
   */
  inMemory?: boolean;
  /** Called when the flow is denied or cancelled while this in-memory stage is still ahead in the plan. */
  abandon?(stage: AbandonedStage): Promise<void>;
  /** On GET: a challenge to show, or a decision without asking (e.g. logout). */
  challenge(ctx: StageContext): Promise<StageResult>;
  /** On POST with the browser's response. */
  submit(ctx: StageContext, response: Record<string, unknown>): Promise<StageResult>;
}

/** Results that need no helper. */
export const next = (): StageResult => ({ kind: 'next' });
export const deny = (message: string): StageResult => ({ kind: 'deny', message });
export const inject = (stagePk: string): StageResult => ({ kind: 'inject', stagePk });
export const invalid = (errors: Record<string, string[]>, failedAttempt = false): StageResult => ({
  kind: 'invalid',
  errors,
  failedAttempt,
});
export const challenge = (fields: Record<string, unknown> = {}): StageResult => ({ kind: 'challenge', challenge: fields });

/** Longest identifier or secret accepted in a response, checked before any hashing. */
export const MAX_CREDENTIAL_LENGTH = 1024;

/** A string field of a response, or undefined when absent, not a string, or empty. */
export function stringField(response: Record<string, unknown>, field: string): string | undefined {
  const value = response[field];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
