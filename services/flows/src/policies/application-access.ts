import type {
  CheckApplicationAccessRequest__Output,
  CheckApplicationAccessResponse,
  FlowConfigClient,
  IdentityClient,
} from '@authmesh/rpc';
import type { PolicyEngine } from './policy-engine.js';
import { evaluateTargetBindings, findUser, parseContextJson, parseEngineMode, parseTargetPk } from './target-bindings.js';

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
  const targetPk = parseTargetPk(request.application_pk, 'application_pk');
  const mode = parseEngineMode(request.policy_engine_mode);
  const context = parseContextJson(request.context_json);
  const user = await findUser(identity, request.user_pk);
  if (request.user_pk && (!user || !user.is_active)) return { passing: false, messages: ['User is not active.'] };
  return evaluateTargetBindings(engine, config, {
    targetPk,
    mode,
    user,
    clientIp: request.client_ip,
    http: { host: request.host, userAgent: request.user_agent },
    context,
    // An application without bindings lets everyone in.
    passWithoutBindings: true,
  });
}
