import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, SESSION_COOKIE } from '@authmesh/http';
import { parseDuration } from '../../executor/duration.js';
import { challenge, deny, next, type StageContext, type StageResult, type StageRuntime } from '../stage-runtime.js';

/**
 * Logs the pending user in: core starts a session, the browser gets its key in an HttpOnly
 * cookie and a fresh flow cookie. With a "stay signed in" offset the user is asked first.
 * A protocol login (LDAP bind, RADIUS) gets no session: the protocol answers for itself.
 */
export const userLoginStage: StageRuntime = {
  type: 'user_login',
  component: 'ak-stage-user-login',
  async challenge(ctx) {
    if (ctx.request.interactive && parseDuration(String(ctx.settings.remember_me_offset ?? 'seconds=0')) > 0)
      return challenge({ remember_me: false });
    return login(ctx, false);
  },
  async submit(ctx, response) {
    return login(ctx, response.remember_me === true);
  },
};

async function login(ctx: StageContext, rememberMe: boolean): Promise<StageResult> {
  if (!ctx.plan.pending_user) return deny('No user to log in.');
  const user = await ctx.services.identity.getUser({ pk: ctx.plan.pending_user });
  if (!user.is_active) return deny('This account is disabled.');
  ctx.plan.logged_in_user = user.pk;
  if (!ctx.request.interactive) {
    await ctx.services.emitEvent('login', user, ctx.request.clientIp, loginContext(ctx));
    return next();
  }
  const duration = parseDuration(String(ctx.settings.session_duration ?? 'seconds=0'));
  const offset = rememberMe ? parseDuration(String(ctx.settings.remember_me_offset ?? 'seconds=0')) : 0;
  const seconds = duration > 0 ? duration + offset : offset;
  // A browser that was logged in before gets a new session; the old key stops working.
  if (ctx.request.sessionKey) await ctx.services.identity.endSession(ctx.request.sessionKey);
  const session = await ctx.services.identity.createSession({
    user_pk: user.pk,
    client_ip: ctx.request.clientIp,
    user_agent: ctx.request.userAgent,
    expires_in_seconds: seconds,
    terminate_others: ctx.settings.terminate_other_sessions === true,
  });
  const maxAge = seconds > 0 ? seconds : undefined;
  ctx.response.setCookie({ name: SESSION_COOKIE, value: session.session_key, maxAgeSeconds: maxAge, httpOnly: true });
  ctx.response.setCookie({ name: CSRF_COOKIE, value: randomBytes(24).toString('base64url'), maxAgeSeconds: maxAge, httpOnly: false });
  ctx.response.rotateFlowCookie();
  await ctx.services.emitEvent('login', user, ctx.request.clientIp, loginContext(ctx));
  return next();
}

/** What the login event records: how the user proved who they are, and with which second factor. */
function loginContext(ctx: StageContext): Record<string, unknown> {
  return {
    auth_method: ctx.plan.auth_backend ?? 'unknown',
    ...(ctx.plan.mfa_device ? { auth_method_args: { mfa_device: ctx.plan.mfa_device } } : {}),
    ...(ctx.plan.protocol ? { protocol: ctx.plan.protocol } : {}),
    flow: ctx.flow.slug,
  };
}
