import { pendingUser } from '../pending-user.js';
import { challenge, deny, invalid, next, stringField, type StageContext, type StageRuntime } from '../stage-runtime.js';

/** What the plan keeps between showing the QR code and the first code. */
interface Enrollment {
  binding: string;
  device: string;
  url: string;
}

/**
 * Enrolls an authenticator app: shows the otpauth URI (QR code and secret) of a new,
 * unconfirmed device, and confirms it with a first valid code.
 */
export const authenticatorTotpStage: StageRuntime = {
  type: 'authenticator_totp',
  component: 'ak-stage-authenticator-totp',
  async challenge(ctx) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before setting up an authenticator.');
    const enrollment = await enrollmentOf(ctx, user.pk);
    return challenge({ config_url: enrollment.url, pending_user: user.username, pending_user_avatar: '' });
  },
  async submit(ctx, response) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before setting up an authenticator.');
    const code = stringField(response, 'code')?.replace(/\s+/g, '');
    if (!code) return invalid({ code: ['This field is required.'] });
    const enrollment = await enrollmentOf(ctx, user.pk);
    await ctx.services.reputation.charge(user.username, ctx.request.clientIp);
    const confirmed = await ctx.services.identity.confirmDevice({
      user_pk: user.pk,
      device_pk: enrollment.device,
      code: code.slice(0, 16),
    });
    if (!confirmed.valid) return invalid({ code: ['Code does not match. Check the time on your device and try again.'] }, true);
    await ctx.services.reputation.succeeded(user.username, ctx.request.clientIp);
    delete ctx.plan.totp_enrollment;
    return next();
  },
};

/** The enrollment of this stage in this plan, started on first use. */
async function enrollmentOf(ctx: StageContext, userPk: string): Promise<Enrollment> {
  const existing = ctx.plan.totp_enrollment as Enrollment | undefined;
  if (existing?.binding === ctx.binding.pk) return existing;
  const started = await ctx.services.identity.enrollTotp({
    user_pk: userPk,
    name: String(ctx.settings.friendly_name || 'TOTP device'),
    digits: Number(ctx.settings.digits) === 8 ? 8 : 6,
    issuer: ctx.flow.title || 'authmesh',
  });
  const enrollment = { binding: ctx.binding.pk, device: started.device_pk, url: started.config_url };
  ctx.plan.totp_enrollment = enrollment;
  return enrollment;
}
