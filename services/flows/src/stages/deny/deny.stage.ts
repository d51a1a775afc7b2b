import { deny, type StageRuntime } from '../stage-runtime.js';

/** Ends the flow with the configured message. */
export const denyStage: StageRuntime = {
  type: 'deny',
  component: 'ak-stage-access-denied',
  challenge: async (ctx) => deny(String(ctx.settings.deny_message || 'Access denied.')),
  submit: async (ctx) => deny(String(ctx.settings.deny_message || 'Access denied.')),
};
