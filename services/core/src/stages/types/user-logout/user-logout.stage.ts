import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** Ends the current session. */
export const userLogoutStage: StageType = {
  type: 'user_logout',
  path: 'user_logout',
  modelName: 'authmesh_stages_user_logout.userlogoutstage',
  alias: 'authentik_stages_user_logout.userlogoutstage',
  component: 'ak-stage-user-logout',
  settings: z.object({}),
};
