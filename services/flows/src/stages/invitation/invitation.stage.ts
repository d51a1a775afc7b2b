import { deny, next, type StageRuntime } from '../stage-runtime.js';

/** The query parameter carrying an invitation token, as in the reference product's links. */
export const INVITATION_PARAM = 'itoken';

/**
 * Reads the invitation from the flow's query and puts its fixed data into the prompt data.
 * Core checks it at this moment: right flow, not expired, and a single-use one is consumed.
 */
export const invitationStage: StageRuntime = {
  type: 'invitation',
  component: 'ak-stage-invitation',
  async challenge(ctx) {
    const token = ctx.request.query.get(INVITATION_PARAM) ?? '';
    if (!token) return ctx.settings.continue_flow_without_invitation === true ? next() : deny('This flow needs a valid invitation link.');
    if (token.length > 64) return deny('The invitation is not valid here, has expired or was already used.');
    const answer = await ctx.services.config.useInvitation(token, ctx.flow.pk);
    if (!answer.valid) return deny('The invitation is not valid here, has expired or was already used.');
    const fixed = JSON.parse(answer.fixed_data_json || '{}') as Record<string, unknown>;
    ctx.plan.prompt_data = { ...(ctx.plan.prompt_data ?? {}), ...fixed };
    ctx.plan.invitation = answer.invitation_pk;
    return next();
  },
  submit: (ctx) => invitationStage.challenge(ctx),
};
