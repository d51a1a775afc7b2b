import { deviceCodeActor } from '../oauth2-device-code/device-code-actor.js';
import { challenge, deny, next, type StageContext, type StageRuntime } from '../stage-runtime.js';

/**
 * The end of a device's authorization flow: approves the device code for the user (the
 * oauth2 runtime checks the session and the application's policies) and says the device
 * is connected. Runs only in memory, appended by the device code stage; when the flow is
 * denied or cancelled before it is reached, the code is denied, so the device's next token
 * request fails with access_denied.
 */
export const oauth2DeviceCodeFinishStage: StageRuntime = {
  type: 'oauth2-device-code-finish',
  component: 'ak-provider-oauth2-device-code-finish',
  inMemory: true,
  async challenge(ctx) {
    const userCode = ctx.plan.device_user_code;
    if (typeof userCode !== 'string' || !userCode) return deny('There is no device code to approve.');
    if (ctx.plan.device_connected === userCode) return connected(ctx);
    const user = ctx.sessionUser;
    // The device is connected for the user who logged in here, and only for them.
    if (!user || (ctx.plan.pending_user !== undefined && ctx.plan.pending_user !== user.pk))
      return deny('Log in before connecting a device.');
    const answer = await ctx.services.deviceCodes.approveDeviceCode({ user_code: userCode, actor: deviceCodeActor(user.pk, ctx.request) });
    if (!answer.settled) return deny(answer.message || 'The device could not be connected.');
    ctx.plan.device_connected = userCode;
    return connected(ctx);
  },
  async submit(ctx) {
    return ctx.plan.device_connected === ctx.plan.device_user_code && ctx.plan.device_connected ? next() : this.challenge(ctx);
  },
  async abandon({ plan, request, sessionUser, services, message }) {
    const userCode = plan.device_user_code;
    if (typeof userCode !== 'string' || !userCode || !sessionUser || plan.device_connected === userCode) return;
    await services.deviceCodes.denyDeviceCode({ user_code: userCode, actor: deviceCodeActor(sessionUser.pk, request), message });
  },
};

function connected(ctx: StageContext) {
  return challenge({ application_name: String(ctx.plan.application_name ?? ctx.plan.application ?? '') });
}
