import {
  GrpcStatus,
  RpcCallError,
  type EvaluateBindingsRequest__Output,
  type EvaluateBindingsResponse,
  type FlowConfigClient,
  type IdentityClient,
  type User__Output,
} from '@authmesh/rpc';
import { ValidationFailedError } from '@authmesh/runtime';
import type { EngineMode, PolicyEngine } from './policy-engine.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a target's bindings are evaluated for. */
export interface TargetBindingsRequest {
  targetPk: string;
  mode: EngineMode;
  user: User__Output | null;
  clientIp: string;
  http: { host: string; userAgent: string };
  context: Record<string, unknown>;
  /** The answer for a target without enabled bindings. */
  passWithoutBindings: boolean;
}

/**
 * Evaluates the policy bindings of one target (an application, a notification rule) for a
 * user and a context. A policy that fails counts as its binding's failure result.
 */
export async function evaluateTargetBindings(
  engine: PolicyEngine,
  config: FlowConfigClient,
  request: TargetBindingsRequest,
): Promise<{ passing: boolean; messages: string[] }> {
  const { bindings } = await config.listPolicyBindings([request.targetPk]);
  if (!bindings.some((b) => b.enabled)) return { passing: request.passWithoutBindings, messages: [] };
  const result = await engine.evaluate(bindings, request.mode, {
    user: request.user,
    identifier: request.user?.username ?? '',
    clientIp: request.clientIp,
    http: { method: 'GET', host: request.http.host, path: '', userAgent: request.http.userAgent },
    context: request.context,
  });
  return { passing: result.passing, messages: result.messages };
}

/** Checks a target's UUID, refusing anything else before any decision is made. */
export function parseTargetPk(value: string, field: string): string {
  if (!UUID.test(value)) throw ValidationFailedError.field(field, 'not a UUID');
  return value;
}

/** `any` or `all`; anything else is refused. */
export function parseEngineMode(value: string): EngineMode {
  if (value === 'any' || value === 'all') return value;
  throw ValidationFailedError.field('policy_engine_mode', 'any or all');
}

/** The request context: a JSON object, or an empty one for an empty string. */
export function parseContextJson(text: string): Record<string, unknown> {
  let context: unknown;
  try {
    context = JSON.parse(text || '{}');
  } catch {
    throw ValidationFailedError.field('context_json', 'not JSON');
  }
  if (!context || typeof context !== 'object' || Array.isArray(context))
    throw ValidationFailedError.field('context_json', 'not a JSON object');
  return context as Record<string, unknown>;
}

/** The user by primary key; null when there is none (other failures propagate, so callers deny). */
export async function findUser(identity: IdentityClient, pk: string): Promise<User__Output | null> {
  if (!pk) return null;
  return identity.getUser({ pk }).catch((error: unknown) => {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
    throw error;
  });
}

/**
 * The EvaluateBindings RPC, for notification rules: an unknown user (e.g. deleted since the
 * event) is evaluated as anonymous, as the reference product does for rule matching.
 */
export async function evaluateBindings(
  engine: PolicyEngine,
  identity: IdentityClient,
  config: FlowConfigClient,
  request: EvaluateBindingsRequest__Output,
): Promise<EvaluateBindingsResponse> {
  const targetPk = parseTargetPk(request.target_pk, 'target_pk');
  const mode = parseEngineMode(request.policy_engine_mode);
  const context = parseContextJson(request.context_json);
  const user = await findUser(identity, request.user_pk);
  return evaluateTargetBindings(engine, config, {
    targetPk,
    mode,
    user,
    clientIp: request.client_ip,
    http: { host: '', userAgent: '' },
    context,
    passWithoutBindings: request.pass_without_bindings,
  });
}
