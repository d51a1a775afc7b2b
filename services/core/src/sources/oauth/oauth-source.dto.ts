import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { sourceReadSchema, sourceWriteShape } from '../source.dto.js';
import { OAUTH_PROVIDER_TYPES } from './source-types.js';

/** An absolute http(s) URL of at most `max` characters. */
function httpUrl(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Ensure this field has no more than ${max} characters.`)
    .refine((v) => /^https?:$/.test(URL.parse(v)?.protocol ?? ''), 'Enter a valid http(s) URL.');
}
const optionalUrl = httpUrl(255).nullable().optional();
const urlOrBlank = z.union([z.literal(''), httpUrl(2048)]).default('');

export const oauthSourceWriteSchema = z.object({
  ...sourceWriteShape,
  provider_type: z.enum(OAUTH_PROVIDER_TYPES, 'Not a valid choice.'),
  request_token_url: optionalUrl,
  authorization_url: optionalUrl,
  access_token_url: optionalUrl,
  profile_url: optionalUrl,
  consumer_key: z.string().trim().min(1, 'This field may not be blank.').max(1024),
  /** Write-only and sealed; required when the source is created, kept when an update leaves it out. */
  consumer_secret: z.string().max(4096).optional(),
  additional_scopes: z.string().max(1024).default(''),
  /** Fetched when saved: fills the endpoint URLs and oidc_jwks_url from the discovery document. */
  oidc_well_known_url: urlOrBlank,
  /** Fetched when saved: the key set replaces oidc_jwks. */
  oidc_jwks_url: urlOrBlank,
  /** A JSON Web Key Set of public keys, given inline (or filled from oidc_jwks_url). */
  oidc_jwks: z.record(z.string(), z.unknown()).default({}),
});
export const oauthSourcePatchSchema = patchSchemaOf(oauthSourceWriteSchema);
export type OAuthSourceWrite = z.output<typeof oauthSourceWriteSchema>;
export type OAuthSourcePatch = z.output<typeof oauthSourcePatchSchema>;

export const sourceTypeSchema = z.object({
  name: z.string(),
  slug: z.string(),
  urls_customizable: z.boolean(),
  request_token_url: z.string().nullable(),
  authorization_url: z.string().nullable(),
  access_token_url: z.string().nullable(),
  profile_url: z.string().nullable(),
  oidc_well_known_url: z.string().nullable(),
  oidc_jwks_url: z.string().nullable(),
});

export const oauthSourceReadSchema = sourceReadSchema.extend({
  provider_type: z.string(),
  request_token_url: z.string().nullable(),
  authorization_url: z.string().nullable(),
  access_token_url: z.string().nullable(),
  profile_url: z.string().nullable(),
  consumer_key: z.string(),
  consumer_secret_set: z.boolean(),
  callback_url: z.string(),
  additional_scopes: z.string(),
  type: sourceTypeSchema,
  oidc_well_known_url: z.string(),
  oidc_jwks_url: z.string(),
  oidc_jwks: z.record(z.string(), z.unknown()),
});
export type OAuthSourceRead = z.infer<typeof oauthSourceReadSchema>;

export const oauthSourceListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  slug: z.string().max(50).optional(),
  enabled: z.enum(['true', 'false']).optional(),
  pbm_uuid: z.uuid().optional(),
  provider_type: z.string().max(32).optional(),
  consumer_key: z.string().max(1024).optional(),
  authentication_flow: z.uuid().optional(),
  enrollment_flow: z.uuid().optional(),
  policy_engine_mode: z.enum(['all', 'any']).optional(),
  user_matching_mode: z.string().max(16).optional(),
  has_jwks: z.enum(['true', 'false']).optional(),
});
export type OAuthSourceFilters = z.output<typeof oauthSourceListQuerySchema>;
