import { z } from 'zod';
import { optionalUuidSchema, slugSchema } from '../common/field-schemas.js';
import { USER_MATCHING_MODES } from './source.entity.js';

/** An icon: an http(s) URL, a path on this server, or a Font Awesome name as `fa://fa-icon`. */
const iconSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => /^(https?:\/\/|\/(?!\/)|fa:\/\/)/i.test(v) && !/[\s"'<>]/.test(v), 'Enter an http(s) URL, a path or an fa:// icon.')
  .nullable();

/** The fields every source type accepts (the reference product's SourceSerializer). */
export const sourceWriteShape = {
  name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  slug: slugSchema,
  enabled: z.boolean().default(true),
  authentication_flow: optionalUuidSchema,
  enrollment_flow: optionalUuidSchema,
  policy_engine_mode: z.enum(['all', 'any'], 'Not a valid choice.').default('any'),
  user_matching_mode: z.enum(USER_MATCHING_MODES, 'Not a valid choice.').default('identifier'),
  user_path_template: z.string().trim().min(1, 'This field may not be blank.').max(255).default('goauthentik.io/sources/%(slug)s'),
  icon: iconSchema.default(null),
};

export const sourceReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  slug: z.string(),
  enabled: z.boolean(),
  authentication_flow: z.uuid().nullable(),
  enrollment_flow: z.uuid().nullable(),
  component: z.string(),
  verbose_name: z.string(),
  verbose_name_plural: z.string(),
  meta_model_name: z.string(),
  policy_engine_mode: z.enum(['all', 'any']),
  user_matching_mode: z.enum(USER_MATCHING_MODES),
  managed: z.string().nullable(),
  user_path_template: z.string(),
  icon: z.string().nullable(),
});
export type SourceRead = z.infer<typeof sourceReadSchema>;

export const sourceListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  slug: z.string().max(50).optional(),
  enabled: z.enum(['true', 'false']).optional(),
  managed: z.string().max(255).optional(),
});
export type SourceFilters = z.output<typeof sourceListQuerySchema>;

/** Something that refers to a source, as `used_by` lists it. */
