import type { User__Output } from '@authmesh/rpc';
import { parseDuration } from '../../executor/duration.js';
import { next, type StageContext, type StageResult } from '../stage-runtime.js';
import { MFA_COOKIE, signMfaCookie } from './mfa-cookie.js';

/** The user proved a second factor with `devicePk`: credit reputation, note the device, remember it as the stage says. */
export async function validated(ctx: StageContext, user: User__Output, devicePk: string): Promise<StageResult> {
  await ctx.services.reputation.succeeded(user.username, ctx.request.clientIp);
  ctx.plan.mfa_device = devicePk;
  const threshold = parseDuration(String(ctx.settings.last_auth_threshold ?? 'seconds=0'));
  if (threshold > 0) {
    ctx.response.setCookie({
      name: MFA_COOKIE,
      value: signMfaCookie(ctx.services.cookieSecret, user.pk),
      maxAgeSeconds: threshold,
      httpOnly: true,
    });
  }
  return next();
}
