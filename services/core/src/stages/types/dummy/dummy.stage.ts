import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** Does nothing but pass (or fail, for testing flows). */
export const dummyStage: StageType = {
  type: 'dummy',
  path: 'dummy',
  modelName: 'authmesh_stages_dummy.dummystage',
  alias: 'authentik_stages_dummy.dummystage',
  component: 'ak-stage-dummy',
  settings: z.object({ throw_error: z.boolean().default(false) }),
};
