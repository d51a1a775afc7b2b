import type { User__Output } from '@authmesh/rpc';
import { pendingUser } from '../pending-user.js';
import type { StageContext } from '../stage-runtime.js';

export const INBUILT_BACKEND = 'authentik.core.auth.InbuiltBackend';
export const TOKEN_BACKEND = 'authentik.core.auth.TokenBackend';

export type PasswordCheck = { ok: true; user: User__Output; backend: string } | { ok: false };

/**
 * Checks a secret for the pending user with the backends a password stage allows. Unknown
 * users go through the same calls (core hashes against a dummy), so timing and answers do
 * not tell known from unknown. The attempt is charged to reputation before it is judged.
 */
export async function checkPassword(ctx: StageContext, backends: readonly string[], password: string): Promise<PasswordCheck> {
  const { identity, reputation } = ctx.services;
  // Unknown users get the same lookup (of a key that cannot exist), so the calls match.
  const user = ctx.plan.pending_user ? await pendingUser(ctx) : await lookupNobody(ctx);
  const identifier = user?.username ?? ctx.plan.pending_user_identifier ?? '';
  await reputation.charge(identifier, ctx.request.clientIp);

  // Always one password verification, so the work done does not depend on the user existing.
  const verified = await identity.verifyPassword({
    username: backends.includes(INBUILT_BACKEND) && user ? user.username : '',
    password,
    client_ip: ctx.request.clientIp,
    skip_failure_event: true,
  });
  let match: PasswordCheck = { ok: false };
  if (user && verified.valid && verified.user?.pk === user.pk) match = { ok: true, user: verified.user, backend: 'password' };
  else if (backends.includes(TOKEN_BACKEND)) {
    // Checked for unknown users too, so the work done does not tell them apart.
    const token = await identity.checkToken({ key: password, intent: 'app_password' });
    if (user && token.valid && token.user?.pk === user.pk) match = { ok: true, user: token.user, backend: 'app_password' };
  }

  if (match.ok) {
    await reputation.succeeded(identifier, ctx.request.clientIp);
    ctx.plan.auth_backend = match.backend;
  } else {
    await ctx.services.emitEvent('login_failed', null, ctx.request.clientIp, {
      username: (ctx.plan.pending_user_identifier ?? identifier).slice(0, 150),
      reason: 'invalid credentials',
      stage: ctx.binding.stage?.name ?? '',
    });
  }
  return match;
}

async function lookupNobody(ctx: StageContext): Promise<null> {
  await ctx.services.identity.getUser({ pk: '0' }).catch(() => null);
  return null;
}
