import { GrpcStatus, RpcCallError, type IdentityClient, type TestPolicyRequest__Output, type TestPolicyResponse } from '@authmesh/rpc';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { PolicyEngine } from './policy-engine.js';

/** Evaluates one policy on its own for the policy test action: a synthetic binding, nothing recorded. */
export async function testPolicy(
  engine: PolicyEngine,
  identity: IdentityClient,
  request: TestPolicyRequest__Output,
): Promise<TestPolicyResponse> {
  let context: unknown;
  try {
    context = JSON.parse(request.context_json || '{}');
  } catch {
    throw ValidationFailedError.field('context', 'Must be a JSON object.');
  }
  if (!context || typeof context !== 'object' || Array.isArray(context))
    throw ValidationFailedError.field('context', 'Must be a JSON object.');
  const user = request.user_pk
    ? await identity.getUser({ pk: request.user_pk }).catch((error: unknown) => {
        if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) throw new NotFoundError('user not found');
        throw error;
      })
    : null;
  const result = await engine.evaluate(
    [
      {
        pk: 'test',
        target: 'test',
        order: 0,
        enabled: true,
        negate: false,
        timeout_seconds: 30,
        failure_result: false,
        subject: 'policy',
        policy: { pk: 'test', name: 'test', type: request.type, execution_logging: false, settings_json: request.settings_json },
        group_pk: '',
        user_pk: '',
      },
    ],
    'all',
    {
      user,
      identifier: user?.username ?? '',
      clientIp: '',
      http: { method: 'POST', host: '', path: '', userAgent: '' },
      context: context as Record<string, unknown>,
    },
  );
  const outcome = result.outcomes[0];
  return { passing: result.passing, messages: outcome?.messages ?? [], error: outcome?.error ?? '' };
}
