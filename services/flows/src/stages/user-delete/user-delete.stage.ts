import { CSRF_COOKIE, SESSION_COOKIE } from '@authmesh/http';
import { deny, next, type StageRuntime } from '../stage-runtime.js';

/** Deletes the pending user and ends this browser's session (unenrollment). */
export const userDeleteStage: StageRuntime = {
  type: 'user_delete',
  component: 'ak-stage-user-delete',
  async challenge(ctx) {
    if (!ctx.plan.pending_user) return deny('There is no account to delete.');
    await ctx.services.identity.deleteUser(ctx.plan.pending_user, ctx.request.clientIp);
    if (ctx.request.sessionKey) await ctx.services.identity.endSession(ctx.request.sessionKey);
    ctx.response.setCookie({ name: SESSION_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: true });
    ctx.response.setCookie({ name: CSRF_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: false });
    delete ctx.plan.pending_user;
    return next();
  },
  submit: (ctx) => userDeleteStage.challenge(ctx),
};
