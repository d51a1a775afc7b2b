import { z } from 'zod';
import type { PolicyType } from '../../policy-type.js';

const count = z.number().int().min(0).max(1024);

/** Checks a password from the prompt data: static rules, strength estimate and known breaches. */
export const passwordPolicy: PolicyType = {
  type: 'password',
  path: 'password',
  modelName: 'authmesh_policies_password.passwordpolicy',
  alias: 'authentik_policies_password.passwordpolicy',
  verboseName: 'Password Policy',
  check: (s): Record<string, string[]> =>
    s.check_static_rules || s.check_have_i_been_pwned || s.check_zxcvbn
      ? {}
      : { non_field_errors: ['Enable at least one of static rules, Have I Been Pwned or zxcvbn.'] },
  settings: z.object({
    password_field: z.string().min(1).max(255).default('password'),
    amount_digits: count.default(0),
    amount_uppercase: count.default(0),
    amount_lowercase: count.default(0),
    amount_symbols: count.default(0),
    length_min: count.default(0),
    symbol_charset: z.string().max(255).default('!\\"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ '),
    error_message: z.string().max(2000).default(''),
    check_static_rules: z.boolean().default(true),
    check_have_i_been_pwned: z.boolean().default(true),
    check_zxcvbn: z.boolean().default(true),
    hibp_allowed_count: z.number().int().min(0).default(0),
    zxcvbn_score_threshold: z.number().int().min(0).max(4).default(2),
  }),
};
