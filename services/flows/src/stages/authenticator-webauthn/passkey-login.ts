import type { User__Output } from '@authmesh/rpc';
import type { StageContext } from '../stage-runtime.js';

/** The plan's `auth_method` after a passkey login: later password and MFA stages pass by themselves. */
export const PASSKEY_METHOD = 'auth_webauthn_pwl';

/** Records in the plan that `user` signed in with the passkey `devicePk` (no password, no further factor). */
export function signedInWithPasskey(ctx: StageContext, user: User__Output, devicePk: string): void {
  ctx.plan.pending_user = user.pk;
  ctx.plan.pending_user_identifier = user.username;
  ctx.plan.auth_backend = 'webauthn';
  ctx.plan.auth_method = PASSKEY_METHOD;
  ctx.plan.mfa_device = devicePk;
}
