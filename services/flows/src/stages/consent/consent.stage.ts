import { randomBytes } from 'node:crypto';
import { parseDuration } from '../../executor/duration.js';
import { pendingUser } from '../pending-user.js';
import { challenge, deny, invalid, next, type StageContext, type StageRuntime } from '../stage-runtime.js';

/** A permission as shown to the user: an identifier (e.g. an OAuth scope) and words for it. */
interface Permission {
  id: string;
  name: string;
}

/**
 * Asks the user to agree that an application may use their data. The application and the
 * permissions come from whoever prepared the plan (a protocol service). "permanent" and
 * "expiring" remember the answer; a recorded consent that covers every permission asked now
 * skips the question. The challenge carries a one-time token the answer must return.
 */
export const consentStage: StageRuntime = {
  type: 'consent',
  component: 'ak-stage-consent',
  async challenge(ctx) {
    const application = ctx.plan.application;
    if (!application) return next();
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before giving consent.');
    const permissions = permissionsOf(ctx);
    if (mode(ctx) !== 'always_require') {
      const known = await ctx.services.identity.checkConsent({
        user_pk: user.pk,
        application_slug: application,
        permissions: permissions.map((p) => p.id),
      });
      if (known) return next();
    }
    const token = randomBytes(24).toString('base64url');
    ctx.plan.consent_token = token;
    return challenge({
      pending_user: user.username,
      pending_user_avatar: '',
      header_text: `${String(ctx.plan.application_name ?? application)} would like to access your account.`,
      permissions,
      additional_permissions: [],
      token,
    });
  },
  async submit(ctx, response) {
    const application = ctx.plan.application;
    if (!application) return next();
    const expected = ctx.plan.consent_token;
    if (typeof expected !== 'string' || response.token !== expected)
      return invalid({ token: ['Consent was not given on this page; try again.'] });
    delete ctx.plan.consent_token;
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before giving consent.');
    const current = mode(ctx);
    if (current !== 'always_require') {
      await ctx.services.identity.grantConsent({
        user_pk: user.pk,
        application_slug: application,
        permissions: permissionsOf(ctx).map((p) => p.id),
        expires_in_seconds: current === 'expiring' ? parseDuration(String(ctx.settings.consent_expire_in ?? 'weeks=4')) : 0,
      });
    }
    return next();
  },
};

function mode(ctx: StageContext): string {
  return String(ctx.settings.mode ?? 'always_require');
}

function permissionsOf(ctx: StageContext): Permission[] {
  const raw = ctx.plan.consent_permissions;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((p): p is Permission => typeof p === 'object' && p !== null && typeof (p as Permission).id === 'string')
    .map((p) => ({ id: p.id, name: String(p.name ?? p.id) }));
}
