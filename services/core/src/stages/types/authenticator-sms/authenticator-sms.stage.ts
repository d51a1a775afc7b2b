import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Enrolls a phone number by texting it a code (Twilio or a generic HTTP gateway). */
export const authenticatorSmsStage: StageType = {
  type: 'authenticator_sms',
  path: 'authenticator/sms',
  modelName: 'authmesh_stages_authenticator_sms.authenticatorsmsstage',
  alias: 'authentik_stages_authenticator_sms.authenticatorsmsstage',
  component: 'ak-stage-authenticator-sms',
  secrets: ['auth', 'auth_password'],
  check: (s): Record<string, string[]> =>
    s.provider === 'generic' && !/^https?:\/\//.test(String(s.account_sid))
      ? { account_sid: ['For the generic provider, give the URL to POST to.'] }
      : {},
  settings: z.object({
    provider: z.enum(['twilio', 'generic']).default('twilio'),
    from_number: z.string().min(1, 'This field may not be blank.').max(50),
    account_sid: z.string().min(1, 'This field may not be blank.').max(500),
    auth: z.string().max(500).default(''),
    auth_password: z.string().max(500).default(''),
    auth_type: z.enum(['basic', 'bearer']).default('basic'),
    verify_only: z.boolean().default(false),
    mapping: optionalUuidSchema,
    configure_flow: optionalUuidSchema,
    friendly_name: z.string().max(255).nullable().default(null),
  }),
};
