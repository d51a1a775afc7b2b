import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Registers a security key or passkey (WebAuthn) as a second factor or passwordless credential. */
export const authenticatorWebauthnStage: StageType = {
  type: 'authenticator_webauthn',
  path: 'authenticator/webauthn',
  modelName: 'authmesh_stages_authenticator_webauthn.authenticatorwebauthnstage',
  alias: 'authentik_stages_authenticator_webauthn.authenticatewebauthnstage',
  component: 'ak-stage-authenticator-webauthn',
  settings: z.object({
    user_verification: z.enum(['required', 'preferred', 'discouraged']).default('preferred'),
    resident_key_requirement: z.enum(['discouraged', 'preferred', 'required']).default('preferred'),
    authenticator_attachment: z.enum(['platform', 'cross-platform']).nullable().default(null),
    /** Authenticator models (AAGUIDs) allowed to register; empty allows any. */
    device_type_restrictions: z
      .array(z.string().regex(AAGUID, 'Not an authenticator model id (AAGUID).'))
      .max(200)
      .default([])
      .transform((ids) => ids.map((id) => id.toLowerCase())),
    configure_flow: optionalUuidSchema,
    friendly_name: z.string().max(255).nullable().default(null),
  }),
};
