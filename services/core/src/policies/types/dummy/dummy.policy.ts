import { z } from 'zod';
import type { PolicyType } from '../../policy-type.js';

/** Answers a fixed result after a random wait; for testing bindings and timeouts. */
export const dummyPolicy: PolicyType = {
  type: 'dummy',
  path: 'dummy',
  modelName: 'authmesh_policies_dummy.dummypolicy',
  alias: 'authentik_policies_dummy.dummypolicy',
  verboseName: 'Dummy Policy',
  check: (s): Record<string, string[]> =>
    Number(s.wait_min) > Number(s.wait_max) ? { wait_max: ['Must not be lower than the minimum wait.'] } : {},
  settings: z.object({
    result: z.boolean().default(false),
    wait_min: z.number().int().min(0).max(3600).default(5),
    wait_max: z.number().int().min(0).max(3600).default(30),
  }),
};
