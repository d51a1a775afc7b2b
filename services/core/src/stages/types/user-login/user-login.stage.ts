import { z } from 'zod';
import { durationSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Logs the pending user in: starts the session. */
export const userLoginStage: StageType = {
  type: 'user_login',
  path: 'user_login',
  modelName: 'authmesh_stages_user_login.userloginstage',
  alias: 'authentik_stages_user_login.userloginstage',
  component: 'ak-stage-user-login',
  settings: z.object({
    session_duration: durationSchema.default('seconds=0'),
    terminate_other_sessions: z.boolean().default(false),
    remember_me_offset: durationSchema.default('seconds=0'),
  }),
};
