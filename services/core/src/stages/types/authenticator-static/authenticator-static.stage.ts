import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Enrolls single-use recovery codes, shown once. */
export const authenticatorStaticStage: StageType = {
  type: 'authenticator_static',
  path: 'authenticator/static',
  modelName: 'authmesh_stages_authenticator_static.authenticatorstaticstage',
  alias: 'authentik_stages_authenticator_static.authenticatorstaticstage',
  component: 'ak-stage-authenticator-static',
  settings: z.object({
    token_count: z.number().int().min(1).max(100).default(6),
    token_length: z.number().int().min(6).max(64).default(12),
    configure_flow: optionalUuidSchema,
    friendly_name: z.string().max(255).nullable().default(null),
  }),
};
