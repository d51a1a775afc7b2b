import { patchSchemaOf } from '@authmesh/http';
import { z } from 'zod';
import { durationSchema } from '../common/field-schemas.js';

const flowRef = z.uuid('Must be a valid UUID.').nullable();

export const brandWriteSchema = z.object({
  domain: z
    .string()
    .trim()
    .min(1, 'This field may not be blank.')
    .max(253, 'Ensure this field has no more than 253 characters.')
    .regex(/^[a-zA-Z0-9.-]+$/, 'Enter a domain name such as "example.com" (no scheme, port or path).')
    .transform((d) => d.toLowerCase()),
  default: z.boolean().default(false),
  branding_title: z.string().max(255).default('authmesh'),
  branding_logo: z.string().max(2048).default('/static/dist/assets/icons/icon_left_brand.svg'),
  branding_favicon: z.string().max(2048).default('/static/dist/assets/icons/icon.png'),
  flow_authentication: flowRef.default(null),
  flow_invalidation: flowRef.default(null),
  flow_recovery: flowRef.default(null),
  flow_unenrollment: flowRef.default(null),
  flow_user_settings: flowRef.default(null),
  flow_device_code: flowRef.default(null),
  event_retention: durationSchema.default('days=365'),
  web_certificate: z.uuid('Must be a valid UUID.').nullable().default(null),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export const brandPatchSchema = patchSchemaOf(brandWriteSchema);
export type BrandWrite = z.output<typeof brandWriteSchema>;
export type BrandPatch = z.output<typeof brandPatchSchema>;

export const brandListQuerySchema = z.object({
  domain: z.string().max(253).optional(),
  default: z.enum(['true', 'false']).optional(),
  branding_title: z.string().max(255).optional(),
});
export type BrandFilters = z.output<typeof brandListQuerySchema>;

export const brandReadSchema = z.object({
  brand_uuid: z.uuid(),
  domain: z.string(),
  default: z.boolean(),
  branding_title: z.string(),
  branding_logo: z.string(),
  branding_favicon: z.string(),
  flow_authentication: z.uuid().nullable(),
  flow_invalidation: z.uuid().nullable(),
  flow_recovery: z.uuid().nullable(),
  flow_unenrollment: z.uuid().nullable(),
  flow_user_settings: z.uuid().nullable(),
  flow_device_code: z.uuid().nullable(),
  event_retention: z.string(),
  web_certificate: z.uuid().nullable(),
  attributes: z.record(z.string(), z.unknown()),
});
export type BrandRead = z.infer<typeof brandReadSchema>;

/** What `current` shows anyone, authenticated or not. */
export const currentBrandSchema = z.object({
  matched_domain: z.string(),
  branding_title: z.string(),
  branding_logo: z.string(),
  branding_favicon: z.string(),
  ui_footer_links: z.array(z.object({ name: z.string(), href: z.string() })),
  flow_authentication: z.uuid().nullable(),
  flow_invalidation: z.uuid().nullable(),
  flow_recovery: z.uuid().nullable(),
  flow_unenrollment: z.uuid().nullable(),
  flow_user_settings: z.uuid().nullable(),
  flow_device_code: z.uuid().nullable(),
  default_locale: z.string(),
});
