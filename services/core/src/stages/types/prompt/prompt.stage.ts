import { z } from 'zod';
import { uuidListSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Shows a form built from prompts and checks it with validation policies. */
export const promptStage: StageType = {
  type: 'prompt',
  path: 'prompt/stages',
  modelName: 'authmesh_stages_prompt.promptstage',
  alias: 'authentik_stages_prompt.promptstage',
  component: 'ak-stage-prompt',
  settings: z.object({ fields: uuidListSchema, validation_policies: uuidListSchema }),
};
