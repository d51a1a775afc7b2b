import { z } from 'zod';
import type { PolicyType } from '../../policy-type.js';

/** Passes while the reputation of the client IP and/or the username stays above a threshold. */
export const reputationPolicy: PolicyType = {
  type: 'reputation',
  path: 'reputation',
  modelName: 'authmesh_policies_reputation.reputationpolicy',
  alias: 'authentik_policies_reputation.reputationpolicy',
  verboseName: 'Reputation Policy',
  check: (s): Record<string, string[]> =>
    s.check_ip || s.check_username ? {} : { non_field_errors: ['Check the IP address, the username, or both.'] },
  settings: z.object({
    check_ip: z.boolean().default(true),
    check_username: z.boolean().default(true),
    threshold: z.number().int().min(-1000).max(1000).default(-5),
  }),
};
