import { pendingUser } from '../pending-user.js';
import { challenge, deny, invalid, next, type StageContext, type StageRuntime } from '../stage-runtime.js';

interface Enrollment {
  binding: string;
  device: string;
  tokens: string[];
}

/** Enrolls single-use recovery codes: shows them once, confirmed when the user goes on. */
export const authenticatorStaticStage: StageRuntime = {
  type: 'authenticator_static',
  component: 'ak-stage-authenticator-static',
  async challenge(ctx) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before setting up recovery codes.');
    const enrollment = await enrollmentOf(ctx, user.pk);
    return challenge({ codes: enrollment.tokens, pending_user: user.username, pending_user_avatar: '' });
  },
  async submit(ctx) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before setting up recovery codes.');
    const enrollment = await enrollmentOf(ctx, user.pk);
    const confirmed = await ctx.services.identity.confirmDevice({ user_pk: user.pk, device_pk: enrollment.device, code: '' });
    if (!confirmed.valid) return invalid({ non_field_errors: ['These codes could not be saved; start again.'] });
    // The codes are never shown again.
    delete ctx.plan.static_enrollment;
    return next();
  },
};

async function enrollmentOf(ctx: StageContext, userPk: string): Promise<Enrollment> {
  const existing = ctx.plan.static_enrollment as Enrollment | undefined;
  if (existing?.binding === ctx.binding.pk) return existing;
  const started = await ctx.services.identity.enrollStatic({
    user_pk: userPk,
    name: String(ctx.settings.friendly_name || 'Static tokens'),
    token_count: Number(ctx.settings.token_count ?? 6),
    token_length: Number(ctx.settings.token_length ?? 12),
  });
  const enrollment = { binding: ctx.binding.pk, device: started.device_pk, tokens: started.tokens };
  ctx.plan.static_enrollment = enrollment;
  return enrollment;
}
