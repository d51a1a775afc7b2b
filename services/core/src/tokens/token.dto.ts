import { z } from 'zod';
import { TOKEN_INTENTS } from './token.entity.js';

const identifier = z
  .string()
  .min(1, 'This field may not be blank.')
  .max(255, 'Ensure this field has no more than 255 characters.')
  .regex(/^[-a-zA-Z0-9_.]+$/, 'Use only letters, numbers, dots, underscores and hyphens.');

const expires = z.iso.datetime({ offset: true, message: 'Enter a valid date/time with a time zone.' }).nullable();

export const tokenWriteSchema = z.object({
  identifier,
  intent: z.enum(TOKEN_INTENTS, 'Not a valid choice.').default('api'),
  user: z.number().int().positive().optional(),
  description: z.string().max(2000).default(''),
  expiring: z.boolean().default(true),
  expires: expires.optional(),
});
export type TokenWrite = z.output<typeof tokenWriteSchema>;

export const tokenPatchSchema = z.object({
  description: z.string().max(2000).optional(),
  expiring: z.boolean().optional(),
  expires: expires.optional(),
});
export type TokenPatch = z.output<typeof tokenPatchSchema>;

export const setKeySchema = z.object({
  key: z
    .string()
    .min(16, 'Keys must be at least 16 characters.')
    .max(256)
    .regex(/^[\x21-\x7e]+$/, 'Keys may only contain printable ASCII characters.'),
});

export const tokenListQuerySchema = z.object({
  identifier: z.string().max(255).optional(),
  intent: z.enum(TOKEN_INTENTS).optional(),
  user__username: z.string().max(150).optional(),
  managed: z.string().max(255).optional(),
});
export type TokenFilters = z.output<typeof tokenListQuerySchema>;

export const tokenReadSchema = z.object({
  pk: z.uuid(),
  managed: z.string().nullable(),
  identifier: z.string(),
  intent: z.enum(TOKEN_INTENTS),
  user: z.number().int(),
  user_obj: z.object({ pk: z.number().int(), username: z.string(), name: z.string(), email: z.string() }),
  description: z.string(),
  expiring: z.boolean(),
  expires: z.string().nullable(),
});
export type TokenRead = z.infer<typeof tokenReadSchema>;
