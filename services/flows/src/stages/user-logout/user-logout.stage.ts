import { CSRF_COOKIE, SESSION_COOKIE } from '@authmesh/http';
import { next, type StageRuntime } from '../stage-runtime.js';

/** Ends this browser's login session; it stops working on its next request everywhere. */
export const userLogoutStage: StageRuntime = {
  type: 'user_logout',
  component: 'ak-stage-user-logout',
  async challenge(ctx) {
    if (ctx.request.sessionKey) await ctx.services.identity.endSession(ctx.request.sessionKey);
    if (ctx.sessionUser) await ctx.services.emitEvent('logout', ctx.sessionUser, ctx.request.clientIp, {});
    ctx.response.setCookie({ name: SESSION_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: true });
    ctx.response.setCookie({ name: CSRF_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: false });
    return next();
  },
  submit: async (ctx) => userLogoutStage.challenge(ctx),
};
