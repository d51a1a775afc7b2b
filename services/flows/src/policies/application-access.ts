import {
  GrpcStatus,
  RpcCallError,
  type CheckApplicationAccessRequest__Output,
  type CheckApplicationAccessResponse,
  type FlowConfigClient,
  type IdentityClient,
} from '@authmesh/rpc';
import { ValidationFailedError } from '@authmesh/runtime';
import type { PolicyEngine } from './policy-engine.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decides whether a user may use an application by its policy bindings, for protocol
 * services. Anything unreadable denies: an unknown user, a malformed request or context.
 */
export async function checkApplicationAccess(
  engine: PolicyEngine,
  identity: IdentityClient,
  config: FlowConfigClient,
  request: CheckApplicationAccessRequest__Output,
): Promise<CheckApplicationAccessResponse> {
  if (!UUID.test(request.application_pk)) throw ValidationFailedError.field('application_pk', 'not a UUID');
  const mode = request.policy_engine_mode === 'all' ? 'all' : request.policy_engine_mode === 'any' ? 'any' : null;
  if (!mode) throw ValidationFailedError.field('policy_engine_mode', 'any or all');
  let context: unknown;
  try {
    context = JSON.parse(request.context_json || '{}');
  } catch {
    throw ValidationFailedError.field('context_json', 'not JSON');
  }
  if (!context || typeof context !== 'object' || Array.isArray(context))
    throw ValidationFailedError.field('context_json', 'not a JSON object');
  const user = request.user_pk
    ? await identity.getUser({ pk: request.user_pk }).catch((error: unknown) => {
        if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
        throw error;
      })
    : null;
  if (request.user_pk && (!user || !user.is_active)) return { passing: false, messages: ['User is not active.'] };
  const { bindings } = await config.listPolicyBindings([request.application_pk]);
  const result = await engine.evaluate(bindings, mode, {
    user,
    identifier: user?.username ?? '',
    clientIp: request.client_ip,
    http: { method: 'GET', host: request.host, path: '', userAgent: request.user_agent },
    context: context as Record<string, unknown>,
  });
  return { passing: result.passing, messages: result.messages };
}
