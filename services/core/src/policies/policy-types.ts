import { dummyPolicy } from './types/dummy/dummy.policy.js';
import { eventMatcherPolicy } from './types/event-matcher/event-matcher.policy.js';
import { expressionPolicy } from './types/expression/expression.policy.js';
import { passwordExpiryPolicy } from './types/password-expiry/password-expiry.policy.js';
import { passwordPolicy } from './types/password/password.policy.js';
import { reputationPolicy } from './types/reputation/reputation.policy.js';
import type { PolicyType } from './policy-type.js';

/** Every policy type core knows. A new type adds its folder under types/ and one line here. */
export const POLICY_TYPES: readonly PolicyType[] = [
  dummyPolicy,
  eventMatcherPolicy,
  expressionPolicy,
  passwordPolicy,
  passwordExpiryPolicy,
  reputationPolicy,
];

export function policyType(type: string): PolicyType | undefined {
  return POLICY_TYPES.find((t) => t.type === type);
}
