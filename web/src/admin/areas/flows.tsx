import { flowInspectorPage } from '../flows/flow-inspector';
import { flowResource } from '../flows/flow-resource';
import { invitationResource } from '../flows/invitation-resource';
import { promptResource } from '../flows/prompt-resource';
import { stageResource } from '../flows/stage-resources';
import type { AdminArea } from '../kit/area';

/**
 * The admin's "Flows and Stages" section. Prompts and invitations live under the stages'
 * route (as in the reference product), so they come before the stages' `/flow/stages/:id`.
 */
export const flowsArea: AdminArea = {
  section: 'admin.section.flows',
  items: [
    { resource: flowResource },
    { page: flowInspectorPage },
    { resource: promptResource },
    { resource: invitationResource },
    { resource: stageResource },
  ],
};
