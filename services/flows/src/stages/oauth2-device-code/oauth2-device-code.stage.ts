import { challenge, deny, invalid, MAX_CREDENTIAL_LENGTH, next, stringField, type StageRuntime } from '../stage-runtime.js';
import { deviceCodeActor } from './device-code-actor.js';

/** The plan entry of this in-memory stage. */
export const IN_MEMORY_DEVICE_CODE = 'memory:oauth2-device-code';

const NOT_VALID = 'This code is not valid, has expired or was already used.';

/**
 * Asks for the code a device shows (RFC 8628 user code) and checks it with the oauth2
 * runtime. A wrong code changes nothing and costs the user and the client IP reputation,
 * like a wrong password; once the user's score is spent, no code is checked. A good code plans the provider's authorization flow for this
 * browser with the device code finish stage at its end, and sends the browser there.
 * Runs only in memory: `/device` appends it to the brand's device code flow.
 */
export const oauth2DeviceCodeStage: StageRuntime = {
  type: 'oauth2-device-code',
  component: 'ak-provider-oauth2-device-code',
  inMemory: true,
  async challenge(ctx) {
    if (!ctx.sessionUser) return deny('Log in before connecting a device.');
    const prefill = (ctx.request.query.get('code') ?? '').slice(0, 64);
    return challenge(/^[\w -]+$/.test(prefill) ? { code: prefill } : {});
  },
  async submit(ctx, response) {
    const user = ctx.sessionUser;
    if (!user) return deny('Log in before connecting a device.');
    const code = stringField(response, 'code')?.trim();
    if (!code) return invalid({ code: ['Enter the code your device shows.'] });
    // Guessing codes stops once the account's reputation is spent, as for second-factor codes.
    if (await ctx.services.reputation.secondFactorThrottled(user.username))
      return invalid({ code: ['Too many wrong codes. Try again later.'] });
    const actor = deviceCodeActor(user.pk, ctx.request);
    const found = code.length <= MAX_CREDENTIAL_LENGTH ? await ctx.services.deviceCodes.findDeviceCode({ user_code: code, actor }) : null;
    if (!found?.found) {
      await ctx.services.reputation.charge(user.username, ctx.request.clientIp);
      ctx.services.logger.info({ user: user.pk }, 'device code refused');
      return invalid({ code: [NOT_VALID] }, true);
    }
    if (!found.authorization_flow_slug) return deny('The application of this device has no authorization flow.');
    const planned = await ctx.response.startFlow(
      found.authorization_flow_slug,
      {
        application: found.application_slug,
        application_name: found.application_name,
        consent_permissions: found.permissions.map((p) => ({ id: p.id, name: p.name })),
        device_user_code: found.user_code,
      },
      ['oauth2-device-code-finish'],
    );
    if (!planned.planned) {
      const message = planned.message || 'The authorization flow denied access.';
      await ctx.services.deviceCodes.denyDeviceCode({ user_code: found.user_code, actor, message });
      return deny(message);
    }
    ctx.plan.redirect = `/if/flow/${found.authorization_flow_slug}/`;
    return next();
  },
};
