import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Ways a password stage may accept a secret; the names are the reference product's, so its blueprints apply. */
export const PASSWORD_BACKENDS = [
  'authentik.core.auth.InbuiltBackend',
  'authentik.core.auth.TokenBackend',
  'authentik.sources.ldap.auth.LDAPBackend',
] as const;

/** Checks the pending user's password (or an app password) and counts failures. */
export const passwordStage: StageType = {
  type: 'password',
  path: 'password',
  modelName: 'authmesh_stages_password.passwordstage',
  alias: 'authentik_stages_password.passwordstage',
  component: 'ak-stage-password',
  settings: z.object({
    backends: z.array(z.enum(PASSWORD_BACKENDS)).min(1, 'Select at least one backend.').default(['authentik.core.auth.InbuiltBackend']),
    configure_flow: optionalUuidSchema,
    failed_attempts_before_cancel: z.number().int().min(1).max(1000).default(5),
  }),
};
