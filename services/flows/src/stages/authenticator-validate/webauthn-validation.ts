import type { Device__Output, User__Output } from '@authmesh/rpc';
import { signedInWithPasskey } from '../authenticator-webauthn/passkey-login.js';
import { assertionOptions, verifyAssertion, type UserVerification } from '../authenticator-webauthn/relying-party.js';
import { challenge, invalid, type StageContext, type StageResult } from '../stage-runtime.js';
import { validated } from './validated.js';

/** Where the plan keeps the validation stage's pending WebAuthn challenge. */
const CEREMONY = 'webauthn_validation';

/** One challenge per device, except WebAuthn: one assertion request naming all the user's credentials. */
export async function deviceChallenges(ctx: StageContext, devices: Device__Output[]) {
  const keys = devices.filter((d) => d.type === 'webauthn');
  const others = devices.filter((d) => d.type !== 'webauthn').map((d) => ({ device_class: d.type, device_uid: d.pk, challenge: {} }));
  if (keys.length === 0) return others;
  const options = await assertionOptions(ctx, CEREMONY, keys, userVerification(ctx));
  return [...others, { device_class: 'webauthn', device_uid: keys[0].pk, challenge: options }];
}

/** Checks an assertion by one of the user's own WebAuthn devices; a credential of anyone else is refused. */
export async function webauthnSubmit(ctx: StageContext, user: User__Output, answer: unknown, devices: Device__Output[]) {
  if (!devices.some((d) => d.type === 'webauthn')) return invalid({ webauthn: ['No security key is registered for this account.'] });
  await ctx.services.reputation.charge(user.username, ctx.request.clientIp);
  const check = await verifyAssertion(ctx, CEREMONY, answer, userVerification(ctx), user);
  if (!check.ok) {
    await ctx.services.emitEvent('login_failed', user, ctx.request.clientIp, { username: user.username, reason: 'invalid security key' });
    return invalid({ webauthn: [check.error] }, true);
  }
  return validated(ctx, user, check.device.pk);
}

/** Asks for any passkey of this site: the credential will say whose it is. */
export async function passwordlessChallenge(ctx: StageContext): Promise<StageResult> {
  return challenge({
    device_challenges: [
      { device_class: 'webauthn', device_uid: '-1', challenge: await assertionOptions(ctx, CEREMONY, [], userVerification(ctx)) },
    ],
    configuration_stages: [],
  });
}

export async function passwordlessSubmit(ctx: StageContext, response: Record<string, unknown>): Promise<StageResult> {
  if (response.webauthn === undefined) return invalid({ webauthn: ['Use your passkey to continue.'] });
  const check = await verifyAssertion(ctx, CEREMONY, response.webauthn, userVerification(ctx), null);
  if (!check.ok) {
    await ctx.services.emitEvent('login_failed', null, ctx.request.clientIp, { reason: 'invalid passkey' });
    return invalid({ webauthn: [check.error] }, true);
  }
  signedInWithPasskey(ctx, check.user, check.device.pk);
  return validated(ctx, check.user, check.device.pk);
}

function userVerification(ctx: StageContext): UserVerification {
  const value = ctx.settings.webauthn_user_verification;
  return value === 'required' || value === 'discouraged' ? value : 'preferred';
}
