import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** Deletes the pending user (unenrollment). */
export const userDeleteStage: StageType = {
  type: 'user_delete',
  path: 'user_delete',
  modelName: 'authmesh_stages_user_delete.userdeletestage',
  alias: 'authentik_stages_user_delete.userdeletestage',
  component: 'ak-stage-user-delete',
  settings: z.object({}),
};
