import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Enrolls a TOTP authenticator app: QR code and secret, confirmed by a first code. */
export const authenticatorTotpStage: StageType = {
  type: 'authenticator_totp',
  path: 'authenticator/totp',
  modelName: 'authmesh_stages_authenticator_totp.authenticatortotpstage',
  alias: 'authentik_stages_authenticator_totp.authenticatortotpstage',
  component: 'ak-stage-authenticator-totp',
  settings: z.object({
    digits: z.union([z.literal(6), z.literal(8)], 'Use 6 or 8 digits.').default(6),
    configure_flow: optionalUuidSchema,
    friendly_name: z.string().max(255).nullable().default(null),
  }),
};
