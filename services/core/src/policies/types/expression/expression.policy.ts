import { z } from 'zod';
import type { PolicyType } from '../../policy-type.js';

/** Decides with an admin-written JavaScript expression, run in the sandbox. */
export const expressionPolicy: PolicyType = {
  type: 'expression',
  path: 'expression',
  modelName: 'authmesh_policies_expression.expressionpolicy',
  alias: 'authentik_policies_expression.expressionpolicy',
  verboseName: 'Expression Policy',
  settings: z.object({
    expression: z
      .string()
      .min(1, 'This field may not be blank.')
      .max(64 * 1024),
  }),
};
