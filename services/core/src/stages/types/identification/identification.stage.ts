import { z } from 'zod';
import { optionalUuidSchema, uuidListSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

export const IDENTIFICATION_USER_FIELDS = ['username', 'email', 'upn'] as const;

/** Asks who the user is (username, e-mail or UPN), optionally with the password on the same form. */
export const identificationStage: StageType = {
  type: 'identification',
  path: 'identification',
  modelName: 'authmesh_stages_identification.identificationstage',
  alias: 'authentik_stages_identification.identificationstage',
  component: 'ak-stage-identification',
  settings: z.object({
    user_fields: z.array(z.enum(IDENTIFICATION_USER_FIELDS)).max(3).default(['username', 'email']),
    /** When set, the form also asks for the password and checks it with this password stage's settings. */
    password_stage: optionalUuidSchema,
    case_insensitive_matching: z.boolean().default(true),
    show_matched_user: z.boolean().default(true),
    enrollment_flow: optionalUuidSchema,
    recovery_flow: optionalUuidSchema,
    passwordless_flow: optionalUuidSchema,
    /** An authenticator validation stage whose WebAuthn settings let passkeys sign in from this form (autofill). */
    webauthn_stage: optionalUuidSchema,
    sources: uuidListSchema,
    show_source_labels: z.boolean().default(false),
  }),
};
