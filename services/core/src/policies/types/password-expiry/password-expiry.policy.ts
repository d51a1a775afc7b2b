import { z } from 'zod';
import type { PolicyType } from '../../policy-type.js';

/** Fails when the user's password is older than a number of days (optionally also marking it unusable). */
export const passwordExpiryPolicy: PolicyType = {
  type: 'password_expiry',
  path: 'password_expiry',
  modelName: 'authmesh_policies_expiry.passwordexpirypolicy',
  alias: 'authentik_policies_expiry.passwordexpirypolicy',
  verboseName: 'Password Expiry Policy',
  settings: z.object({
    days: z.number().int().min(1).max(36500),
    deny_only: z.boolean().default(false),
  }),
};
