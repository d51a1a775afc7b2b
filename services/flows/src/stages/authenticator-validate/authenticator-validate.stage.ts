import { duoAuthClientFor } from '@authmesh/duo';
import type { Device__Output, User__Output } from '@authmesh/rpc';
import { PASSKEY_METHOD } from '../authenticator-webauthn/passkey-login.js';
import { parseDuration } from '../../executor/duration.js';
import { textCode } from '../authenticator-sms/sms-message.js';
import { codeMatches, newCode, type PendingCode } from '../authenticator-sms/sms-code.js';
import { pendingUser } from '../pending-user.js';
import {
  challenge,
  deny,
  inject,
  invalid,
  next,
  stringField,
  type StageContext,
  type StageResult,
  type StageRuntime,
} from '../stage-runtime.js';
import { MFA_COOKIE, mfaCookieValid } from './mfa-cookie.js';
import { validated } from './validated.js';
import { deviceChallenges, passwordlessChallenge, passwordlessSubmit, webauthnSubmit } from './webauthn-validation.js';

/** Device classes this build can validate. */
const SUPPORTED_CLASSES = ['totp', 'static', 'sms', 'duo', 'webauthn'];

/**
 * Asks for a second factor from one of the pending user's devices of the allowed classes.
 * A user without such a device is let through, refused, or sent to set one up, as the
 * stage says. A recent validation (signed cookie bound to the user) can skip it. Without a
 * pending user, a stage that allows WebAuthn signs in with a passkey (passwordless).
 */
export const authenticatorValidateStage: StageRuntime = {
  type: 'authenticator_validate',
  component: 'ak-stage-authenticator-validate',
  async challenge(ctx) {
    const user = await pendingUser(ctx);
    if (!user) return allowedClasses(ctx).includes('webauthn') ? passwordlessChallenge(ctx) : deny('Log in first.');
    // A passkey used to sign in already proved possession (and, as configured, the user's presence).
    if (ctx.plan.auth_method === PASSKEY_METHOD) return next();
    const threshold = parseDuration(String(ctx.settings.last_auth_threshold ?? 'seconds=0'));
    if (mfaCookieValid(ctx.services.cookieSecret, ctx.request.cookies.get(MFA_COOKIE), user.pk, threshold)) return next();
    const devices = await usableDevices(ctx, user.pk);
    if (devices.length === 0) return notConfigured(ctx);
    return challenge({
      device_challenges: await deviceChallenges(ctx, devices),
      configuration_stages: [],
      pending_user: user.username,
      pending_user_avatar: '',
    });
  },
  async submit(ctx, response) {
    const user = await pendingUser(ctx);
    if (!user) return allowedClasses(ctx).includes('webauthn') ? passwordlessSubmit(ctx, response) : deny('Log in first.');
    if (ctx.plan.auth_method === PASSKEY_METHOD) return next();
    const devices = await usableDevices(ctx, user.pk);
    if (devices.length === 0) {
      const selected = stringField(response, 'selected_stage');
      const stages = configurationStages(ctx);
      if (selected && stages.includes(selected) && ctx.settings.not_configured_action === 'configure') return inject(selected);
      return notConfigured(ctx);
    }
    // Guessing codes (or pushing until someone taps "approve") stops once the account's reputation is spent.
    if (await ctx.services.reputation.secondFactorThrottled(user.username))
      return invalid({ non_field_errors: ['Too many failed attempts. Try again later.'] });
    const duo = selectedDevice(response, devices, 'duo');
    if (duo) return duoPush(ctx, user, duo);
    const sms = selectedDevice(response, devices, 'sms');
    if (sms?.phone_number) return sendDeviceCode(ctx, user, sms);
    if (response.webauthn !== undefined) return webauthnSubmit(ctx, user, response.webauthn, devices);
    const code = stringField(response, 'code');
    if (!code) return invalid({ code: ['This field is required.'] });
    if (code.length > 64) return invalid({ code: ['Invalid code.'] });
    await ctx.services.reputation.charge(user.username, ctx.request.clientIp);
    const allowed = allowedClasses(ctx);
    const verified =
      (await smsCodeMatches(ctx, user.pk, code, devices)) ??
      (await ctx.services.identity.verifyDeviceCode({ user_pk: user.pk, code, types: allowed }));
    if (!verified.valid) {
      await ctx.services.emitEvent('login_failed', user, ctx.request.clientIp, {
        username: user.username,
        reason: 'invalid second factor',
      });
      return invalid({ code: ['Invalid code.'] }, true);
    }
    return validated(ctx, user, verified.device_pk);
  },
};

/** The device of a class the client picked (`selected_challenge`), if it is one of the user's usable devices. */
function selectedDevice(response: Record<string, unknown>, devices: Device__Output[], type: string): Device__Output | undefined {
  const selected = response.selected_challenge as { device_class?: unknown; device_uid?: unknown } | undefined;
  if (!selected || typeof selected !== 'object' || selected.device_class !== type) return undefined;
  return devices.find((d) => d.type === type && d.pk === selected.device_uid);
}

/** Sends a Duo push to the device's Duo user and waits for the answer (Duo's synchronous auth call). */
async function duoPush(ctx: StageContext, user: User__Output, device: Device__Output): Promise<StageResult> {
  const stage = device.stage_pk ? await ctx.services.config.getStage(device.stage_pk).catch(() => null) : null;
  if (!stage || !device.duo_user_id) return invalid({ non_field_errors: ['This Duo device can no longer be used; use another device.'] });
  await ctx.services.reputation.charge(user.username, ctx.request.clientIp);
  let answer: 'allow' | 'deny';
  try {
    answer = await duoAuthClientFor(ctx.services.duoOutbound, JSON.parse(stage.settings_json), ctx.services.duoUrl).pushAuth(
      device.duo_user_id,
    );
  } catch (error) {
    ctx.services.logger.warn({ err: (error as Error).message }, 'Duo push failed');
    return invalid({ non_field_errors: ['Duo could not be reached. Try again in a moment.'] });
  }
  if (answer !== 'allow') return invalid({ non_field_errors: ['The login was not approved on the device.'] }, true);
  await ctx.services.identity.touchDevice(user.pk, device.pk);
  // Like any other factor: reputation credited and the "recently validated" cookie set as the stage says.
  return validated(ctx, user, device.pk);
}

/** Texts a code to one of the user's SMS devices, with the provider settings of the stage that enrolled it. */
async function sendDeviceCode(ctx: StageContext, user: User__Output, device: Device__Output) {
  const stage = device.stage_pk ? await ctx.services.config.getStage(device.stage_pk).catch(() => null) : null;
  if (!stage) return invalid({ non_field_errors: ['This phone can no longer receive codes; use another device.'] });
  const { code, pending } = newCode(ctx.services.cookieSecret, `device:${device.pk}`);
  try {
    await textCode(
      ctx,
      JSON.parse(stage.settings_json) as Record<string, unknown>,
      user,
      device.phone_number,
      `Your authmesh login code is ${code}`,
      code,
    );
  } catch (error) {
    ctx.services.logger.warn({ err: (error as Error).message }, 'SMS not sent');
    return invalid({ non_field_errors: ['The text message could not be sent. Try again in a moment.'] });
  }
  ctx.plan.sms_challenge = { device: device.pk, code: pending };
  return challenge({
    device_challenges: [{ device_class: 'sms', device_uid: device.pk, challenge: {} }],
    configuration_stages: [],
    sms_sent: true,
  });
}

/** A code texted in this plan, checked against its device; null when no SMS code is pending. */
async function smsCodeMatches(ctx: StageContext, userPk: string, code: string, devices: Device__Output[]) {
  const pending = ctx.plan.sms_challenge as { device: string; code: PendingCode } | undefined;
  if (!pending || !devices.some((d) => d.pk === pending.device)) return null;
  if (!codeMatches(ctx.services.cookieSecret, pending.code, code)) return null;
  delete ctx.plan.sms_challenge;
  await ctx.services.identity.touchDevice(userPk, pending.device);
  return { valid: true, device_pk: pending.device, type: 'sms' };
}

function allowedClasses(ctx: StageContext): string[] {
  const classes = Array.isArray(ctx.settings.device_classes) ? (ctx.settings.device_classes as string[]) : SUPPORTED_CLASSES;
  return classes.filter((c) => SUPPORTED_CLASSES.includes(c));
}

async function usableDevices(ctx: StageContext, userPk: string) {
  const allowed = allowedClasses(ctx);
  // An SMS device that kept only a digest of its number (verify-only) cannot receive codes.
  return (await ctx.services.identity.listDevices(userPk)).filter(
    (d) => d.confirmed && allowed.includes(d.type) && !(d.type === 'sms' && !d.phone_number),
  );
}

function configurationStages(ctx: StageContext): string[] {
  return Array.isArray(ctx.settings.configuration_stages) ? (ctx.settings.configuration_stages as string[]) : [];
}

async function notConfigured(ctx: StageContext) {
  switch (ctx.settings.not_configured_action) {
    case 'deny':
      return deny('A second factor is required, and no authenticator is set up for this account.');
    case 'configure': {
      const stages = configurationStages(ctx);
      if (stages.length === 1) return inject(stages[0]);
      if (stages.length === 0) return deny('No way to set up an authenticator is configured.');
      const described = await Promise.all(
        stages.map(async (pk) => {
          const stage = await ctx.services.config.getStage(pk).catch(() => null);
          return stage ? { pk, name: stage.name, meta_model_name: `authentik_stages_${stage.type}` } : null;
        }),
      );
      return challenge({ device_challenges: [], configuration_stages: described.filter(Boolean) });
    }
    default:
      return next();
  }
}
