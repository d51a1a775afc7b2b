import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** Sends a one-time link by e-mail and continues the flow when it is followed. */
export const emailStage: StageType = {
  type: 'email',
  path: 'email',
  modelName: 'authmesh_stages_email.emailstage',
  alias: 'authentik_stages_email.emailstage',
  component: 'ak-stage-email',
  secrets: ['password'],
  check: (s): Record<string, string[]> => (s.use_tls && s.use_ssl ? { use_ssl: ['Use either TLS or SSL, not both.'] } : {}),
  settings: z.object({
    use_global_settings: z.boolean().default(false),
    host: z.string().max(255).default('localhost'),
    port: z.number().int().min(1).max(65535).default(25),
    username: z.string().max(255).default(''),
    password: z.string().max(255).default(''),
    use_tls: z.boolean().default(false),
    use_ssl: z.boolean().default(false),
    timeout: z.number().int().min(1).max(600).default(10),
    from_address: z.email('Enter a valid email address.').default('system@authmesh.local'),
    token_expiry: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .default(30),
    subject: z.string().max(255).default('authmesh'),
    template: z.string().max(255).default('email/password_reset.html'),
    activate_user_on_success: z.boolean().default(false),
  }),
};
