import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { durationSchema, optionalUuidSchema, uuidListSchema } from '../../common/field-schemas.js';
import { backchannelLogoutUriSchema, redirectUrisSchema } from './redirect-uris.js';

export const SUB_MODES = ['hashed_user_id', 'user_id', 'user_uuid', 'user_username', 'user_email', 'user_upn'] as const;

const nameSchema = z.string().trim().min(1, 'This field may not be blank.').max(255);

export const oauth2ProviderWriteSchema = z.object({
  name: nameSchema,
  authentication_flow: optionalUuidSchema,
  authorization_flow: z.uuid('Must be a valid UUID.'),
  property_mappings: uuidListSchema,
  client_type: z.enum(['confidential', 'public'], 'Not a valid choice.').default('confidential'),
  client_id: z
    .string()
    .trim()
    .min(1, 'This field may not be blank.')
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'Use printable ASCII characters without spaces.')
    .optional(),
  /** Write-only; generated when a confidential client is created without one. */
  client_secret: z.string().max(255).optional(),
  access_code_validity: durationSchema.default('minutes=1'),
  access_token_validity: durationSchema.default('minutes=5'),
  refresh_token_validity: durationSchema.default('days=30'),
  include_claims_in_id_token: z.boolean().default(true),
  signing_key: optionalUuidSchema,
  redirect_uris: redirectUrisSchema.default([]),
  backchannel_logout_uri: backchannelLogoutUriSchema.default(''),
  sub_mode: z.enum(SUB_MODES, 'Not a valid choice.').default('hashed_user_id'),
  issuer_mode: z.enum(['global', 'per_provider'], 'Not a valid choice.').default('per_provider'),
  jwks_sources: uuidListSchema,
});
export const oauth2ProviderPatchSchema = patchSchemaOf(oauth2ProviderWriteSchema);
export type OAuth2ProviderWrite = z.output<typeof oauth2ProviderWriteSchema>;
export type OAuth2ProviderPatch = z.output<typeof oauth2ProviderPatchSchema>;

export const oauth2ProviderListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  client_id: z.string().max(255).optional(),
  application: z.uuid().optional(),
});
export type OAuth2ProviderFilters = z.output<typeof oauth2ProviderListQuerySchema>;

const redirectUriReadSchema = z.object({ matching_mode: z.enum(['strict', 'regex']), url: z.string() });

export const oauth2ProviderReadSchema = z.object({
  pk: z.number().int(),
  name: z.string(),
  component: z.string(),
  meta_model_name: z.string(),
  verbose_name: z.string(),
  verbose_name_plural: z.string(),
  authentication_flow: z.uuid().nullable(),
  authorization_flow: z.uuid().nullable(),
  property_mappings: z.array(z.uuid()),
  assigned_application_slug: z.string().nullable(),
  assigned_application_name: z.string().nullable(),
  client_type: z.enum(['confidential', 'public']),
  client_id: z.string(),
  /** Present only in the answer that created or generated it. */
  client_secret: z.string().optional(),
  client_secret_set: z.boolean(),
  access_code_validity: z.string(),
  access_token_validity: z.string(),
  refresh_token_validity: z.string(),
  include_claims_in_id_token: z.boolean(),
  signing_key: z.uuid().nullable(),
  redirect_uris: z.array(redirectUriReadSchema),
  backchannel_logout_uri: z.string(),
  sub_mode: z.enum(SUB_MODES),
  issuer_mode: z.enum(['global', 'per_provider']),
  jwks_sources: z.array(z.uuid()),
});
export type OAuth2ProviderRead = z.infer<typeof oauth2ProviderReadSchema>;

export const setupUrlsSchema = z.object({
  issuer: z.string().nullable(),
  authorize: z.string(),
  token: z.string(),
  user_info: z.string(),
  provider_info: z.string().nullable(),
  logout: z.string().nullable(),
  jwks: z.string().nullable(),
  device: z.string(),
  introspect: z.string(),
  revoke: z.string(),
});
export type SetupUrls = z.infer<typeof setupUrlsSchema>;

/** Signing keys the provider used before its current one, still published so tokens they signed verify. */
export const retiredKeysSchema = z.array(
  z.object({ key_pair: z.uuid(), name: z.string(), retired_at: z.iso.datetime(), verify_until: z.iso.datetime() }),
);
export type RetiredKeys = z.infer<typeof retiredKeysSchema>;

export const clientSecretSchema = z.object({ client_secret: z.string() });

export const previewUserQuerySchema = z.object({ for_user: z.coerce.number().int().positive('Must be a user pk.') });
export const previewUserSchema = z.object({ preview: z.record(z.string(), z.unknown()) });
