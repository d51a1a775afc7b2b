import type { ReputationService } from '../../reputation/reputation.service.js';
import { result, type PolicyRuntime } from '../policy-runtime.js';

/** Passes while the client IP's and/or the username's score stays above the threshold. */
export function reputationPolicy(reputation: ReputationService): PolicyRuntime {
  return {
    type: 'reputation',
    async evaluate(settings, request) {
      const threshold = Number(settings.threshold ?? -5);
      if (!Number.isFinite(threshold)) return result(false, 'The reputation policy is misconfigured.');
      const username = request.user?.username ?? request.identifier;
      if (settings.check_ip !== false && request.clientIp && (await reputation.scoreOf('ip', request.clientIp)) <= threshold) {
        return result(false, 'Too many failed attempts from this address.');
      }
      if (settings.check_username !== false && username && (await reputation.scoreOf('username', username)) <= threshold) {
        return result(false, 'Too many failed attempts for this account.');
      }
      return result(true);
    },
  };
}
