import { z } from 'zod';
import { durationSchema, uuidListSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

export const DEVICE_CLASSES = ['static', 'totp', 'webauthn', 'duo', 'sms'] as const;

/** Asks for a second factor from one of the user's devices of the allowed classes. */
export const authenticatorValidateStage: StageType = {
  type: 'authenticator_validate',
  path: 'authenticator/validate',
  modelName: 'authmesh_stages_authenticator_validate.authenticatorvalidatestage',
  alias: 'authentik_stages_authenticator_validate.authenticatorvalidatestage',
  component: 'ak-stage-authenticator-validate',
  settings: z.object({
    device_classes: z.array(z.enum(DEVICE_CLASSES)).default([...DEVICE_CLASSES]),
    not_configured_action: z.enum(['skip', 'deny', 'configure']).default('skip'),
    configuration_stages: uuidListSchema,
    last_auth_threshold: durationSchema.default('seconds=0'),
    webauthn_user_verification: z.enum(['required', 'preferred', 'discouraged']).default('preferred'),
  }),
};
