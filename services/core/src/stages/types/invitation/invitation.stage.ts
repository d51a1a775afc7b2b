import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** Reads an invitation from the flow's query and puts its fixed data into the plan. */
export const invitationStage: StageType = {
  type: 'invitation',
  path: 'invitation/stages',
  modelName: 'authmesh_stages_invitation.invitationstage',
  alias: 'authentik_stages_invitation.invitationstage',
  component: 'ak-stage-invitation',
  settings: z.object({ continue_flow_without_invitation: z.boolean().default(false) }),
};
