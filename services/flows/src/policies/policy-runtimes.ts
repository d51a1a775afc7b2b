import type { ExpressionEngine } from '@authmesh/expressions';
import type { IdentityClient } from '@authmesh/rpc';
import type { ReputationService } from '../reputation/reputation.service.js';
import { expressionPolicy } from './expression/expression.policy.js';
import { dummyPolicy } from './dummy/dummy.policy.js';
import { eventMatcherPolicy } from './event-matcher/event-matcher.policy.js';
import type { HibpRangeClient } from './password/hibp-range.client.js';
import { passwordPolicy } from './password/password.runtime.js';
import { passwordExpiryPolicy } from './password-expiry/password-expiry.policy.js';
import type { PolicyRuntime } from './policy-runtime.js';
import { reputationPolicy } from './reputation/reputation.policy.js';

/** What policy runtimes may use. */
export interface PolicyRuntimeDependencies {
  reputation: ReputationService;
  hibp: HibpRangeClient;
  expressions: ExpressionEngine;
  identity: IdentityClient;
}

/** Every policy type the engine can evaluate. A new type adds its folder and one line here. */
export function policyRuntimes(deps: PolicyRuntimeDependencies): PolicyRuntime[] {
  return [
    dummyPolicy,
    eventMatcherPolicy,
    passwordExpiryPolicy,
    reputationPolicy(deps.reputation),
    passwordPolicy(deps.hibp),
    expressionPolicy(deps.expressions, deps.identity),
  ];
}
