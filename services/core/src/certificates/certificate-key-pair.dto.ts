import { patchSchemaOf } from '@authmesh/http';
import { z } from 'zod';

const pem = z.string().max(256 * 1024, 'The PEM text is too large.');

export const certificateWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255, 'Ensure this field has no more than 255 characters.'),
  certificate_data: pem.min(1, 'This field may not be blank.'),
  /** Write-only: the private key is never returned by the API except through view_private_key. */
  key_data: pem.optional(),
});
export const certificatePatchSchema = patchSchemaOf(certificateWriteSchema);
export type CertificateWrite = z.output<typeof certificateWriteSchema>;
export type CertificatePatch = z.output<typeof certificatePatchSchema>;

export const generateSchema = z.object({
  common_name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  subject_alt_name: z.string().max(4096).default(''),
  validity_days: z
    .number()
    .int('Enter a whole number.')
    .min(1, 'Ensure this value is at least 1.')
    .max(36500, 'Ensure this value is at most 36500.'),
  alg: z.enum(['rsa', 'ecdsa'], 'Not a valid choice.').default('rsa'),
});
export type GenerateInput = z.output<typeof generateSchema>;

export const certificateListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  has_key: z.enum(['true', 'false']).optional(),
  managed: z.string().max(255).optional(),
});
export type CertificateFilters = z.output<typeof certificateListQuerySchema>;

/** A certificate or private key in PEM form, as `view_certificate` and `view_private_key` answer it. */
export const pemSchema = z.object({ data: z.string() });

export const downloadQuerySchema = z.object({ download: z.enum(['true', 'false', '']).optional() });

export const certificateReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  fingerprint_sha256: z.string(),
  fingerprint_sha1: z.string(),
  cert_expiry: z.string(),
  cert_subject: z.string(),
  private_key_available: z.boolean(),
  private_key_type: z.string().nullable(),
  certificate_download_url: z.string(),
  private_key_download_url: z.string(),
  managed: z.string().nullable(),
});
export type CertificateRead = z.infer<typeof certificateReadSchema>;
