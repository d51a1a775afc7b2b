import { result, type PolicyRuntime } from '../policy-runtime.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fails when the user's password was last set more than `days` days ago (or is of unknown age). */
export const passwordExpiryPolicy: PolicyRuntime = {
  type: 'password_expiry',
  // Depends on the user's password date only; changing it announces a configuration change.
  cacheable: () => true,
  async evaluate(settings, request) {
    const changed = request.user?.password_changed ? Date.parse(request.user.password_changed) : NaN;
    if (!request.user || Number.isNaN(changed)) return result(false, 'Password age is unknown; set a new password.');
    const days = Number(settings.days);
    if (!Number.isFinite(days) || days < 0) return result(false, 'The password expiry policy is misconfigured.');
    return Date.now() - changed > days * DAY_MS ? result(false, 'Password has expired.') : result(true);
  },
};
