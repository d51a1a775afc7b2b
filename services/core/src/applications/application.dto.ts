import { patchSchemaOf } from '@authmesh/http';
import { z } from 'zod';
import { slugSchema } from '../common/field-schemas.js';

/** A launch URL is shown to users as a link: only http(s) or a relative path. */
const launchUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    if (value === '' || value.startsWith('/')) return !value.startsWith('//');
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Enter an http(s) URL or a path starting with "/".');

export const applicationWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  slug: slugSchema,
  group: z.string().max(255).default(''),
  provider: z.number().int().positive().nullable().default(null),
  meta_launch_url: launchUrl.default(''),
  meta_icon: z.string().max(2048).default(''),
  meta_description: z.string().max(10000).default(''),
  meta_publisher: z.string().max(255).default(''),
  open_in_new_tab: z.boolean().default(false),
  policy_engine_mode: z.enum(['any', 'all'], 'Not a valid choice.').default('any'),
});
export const applicationPatchSchema = patchSchemaOf(applicationWriteSchema);
export type ApplicationWrite = z.output<typeof applicationWriteSchema>;
export type ApplicationPatch = z.output<typeof applicationPatchSchema>;

export const applicationListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  slug: z.string().max(50).optional(),
  group: z.string().max(255).optional(),
  meta_publisher: z.string().max(255).optional(),
});
export type ApplicationFilters = z.output<typeof applicationListQuerySchema>;

const flag = z.enum(['true', 'false'], 'Must be true or false.').transform((value) => value === 'true');

/**
 * Who the list is for. Non-superusers always get only the applications their policies let
 * them open; a superuser gets every application unless `for_user=me` asks for their own
 * library. `superuser_full_list=true` (what the reference's admin pages send) is accepted.
 */
export const applicationAudienceSchema = z.object({
  for_user: z.enum(['me'], 'Not a valid choice.').optional(),
  superuser_full_list: flag.optional(),
  /** Leave out applications without a launch URL (the user's library). */
  only_with_launch_url: flag.optional(),
});
export type ApplicationAudience = z.output<typeof applicationAudienceSchema>;

export const applicationReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  slug: z.string(),
  group: z.string(),
  provider: z.number().int().nullable(),
  provider_obj: z.object({ pk: z.number().int(), name: z.string(), component: z.string() }).nullable(),
  launch_url: z.string().nullable(),
  meta_launch_url: z.string(),
  meta_icon: z.string(),
  meta_description: z.string(),
  meta_publisher: z.string(),
  open_in_new_tab: z.boolean(),
  policy_engine_mode: z.enum(['any', 'all']),
});
export type ApplicationRead = z.infer<typeof applicationReadSchema>;
