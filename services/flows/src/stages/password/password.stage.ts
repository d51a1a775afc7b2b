import { challenge, deny, invalid, MAX_CREDENTIAL_LENGTH, next, stringField, type StageRuntime } from '../stage-runtime.js';
import { checkPassword, INBUILT_BACKEND } from './password-check.js';

const FAILED = 'Invalid password';

/**
 * Asks for the pending user's password (or an app password, when allowed). A wrong
 * password and an unknown user fail alike; too many failures end the flow.
 */
export const passwordStage: StageRuntime = {
  type: 'password',
  component: 'ak-stage-password',
  async challenge(ctx) {
    // An earlier stage (identification with a password field) already checked a credential.
    if (ctx.plan.auth_backend && ctx.plan.pending_user) return next();
    return challenge({ pending_user: ctx.plan.pending_user_identifier ?? '', pending_user_avatar: '' });
  },
  async submit(ctx, response) {
    const password = stringField(response, 'password');
    if (!password) return invalid({ password: ['This field is required.'] });
    if (password.length > MAX_CREDENTIAL_LENGTH)
      return invalid({ password: [`Ensure this field has no more than ${MAX_CREDENTIAL_LENGTH} characters.`] });
    const backends = Array.isArray(ctx.settings.backends) ? (ctx.settings.backends as string[]) : [INBUILT_BACKEND];
    const check = await checkPassword(ctx, backends, password);
    if (check.ok) {
      ctx.plan.pending_user = check.user.pk;
      return next();
    }
    const configured = Number(ctx.settings.failed_attempts_before_cancel);
    const limit = Number.isInteger(configured) && configured > 0 ? configured : 5;
    if (ctx.attempts + 1 >= limit) return deny('Too many failed attempts. Start again.');
    return invalid({ password: [FAILED] }, true);
  },
};
