import type { HibpRangeClient } from './hibp-range.client.js';
import {
  DEFAULT_PASSWORD_POLICY_SETTINGS,
  evaluatePasswordPolicy,
  passwordFromPromptData,
  type PasswordPolicySettings,
} from './password.policy.js';
import type { PolicyRuntime } from '../policy-runtime.js';

/** The password policy as the engine runs it: the password comes from the plan's prompt data. */
export function passwordPolicy(hibp: HibpRangeClient): PolicyRuntime {
  return {
    type: 'password',
    async evaluate(raw, request) {
      const settings = { ...DEFAULT_PASSWORD_POLICY_SETTINGS, ...raw } as PasswordPolicySettings;
      const promptData = (request.context.prompt_data ?? {}) as Record<string, unknown>;
      const user = request.user;
      const inputs = [user?.username, user?.email, user?.name, promptData.username, promptData.email, promptData.name].filter(
        (v): v is string => typeof v === 'string' && v.length > 0,
      );
      return evaluatePasswordPolicy(settings, passwordFromPromptData(settings, promptData), { hibp }, inputs);
    },
  };
}
