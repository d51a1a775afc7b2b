import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** Denies access with an optional message. */
export const denyStage: StageType = {
  type: 'deny',
  path: 'deny',
  modelName: 'authmesh_stages_deny.denystage',
  alias: 'authentik_stages_deny.denystage',
  component: 'ak-stage-deny',
  settings: z.object({ deny_message: z.string().max(2000).default('') }),
};
