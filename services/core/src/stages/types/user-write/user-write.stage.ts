import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

export const USER_CREATION_MODES = ['never_create', 'create_when_required', 'always_create'] as const;

/** Writes the collected prompt data to the pending user, creating the user when allowed. */
export const userWriteStage: StageType = {
  type: 'user_write',
  path: 'user_write',
  modelName: 'authmesh_stages_user_write.userwritestage',
  alias: 'authentik_stages_user_write.userwritestage',
  component: 'ak-stage-user-write',
  settings: z.object({
    user_creation_mode: z.enum(USER_CREATION_MODES).default('create_when_required'),
    create_users_as_inactive: z.boolean().default(false),
    create_users_group: optionalUuidSchema,
    user_path_template: z.string().max(500).default(''),
    user_type: z.enum(['internal', 'external']).default('external'),
  }),
};
