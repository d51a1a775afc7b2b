import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';

export const scopeMappingWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  expression: z.string().min(1, 'This field may not be blank.').max(100_000),
  scope_name: z
    .string()
    .trim()
    .min(1, 'This field may not be blank.')
    .max(255)
    // RFC 6749 scope-token: printable ASCII without space, double quote or backslash.
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'A scope name is printable ASCII without spaces, quotes or backslashes.'),
  description: z.string().max(1000).default(''),
});
export const scopeMappingPatchSchema = patchSchemaOf(scopeMappingWriteSchema);
export type ScopeMappingWrite = z.output<typeof scopeMappingWriteSchema>;
export type ScopeMappingPatch = z.output<typeof scopeMappingPatchSchema>;

/** Blueprints may also set `managed`, which is how the built-in mappings are found. */
export const scopeMappingBlueprintSchema = scopeMappingWriteSchema.extend({ managed: z.string().max(255).nullable().optional() });

export const scopeMappingListQuerySchema = z.object({
  managed: z.string().max(255).optional(),
  managed__isnull: z.enum(['true', 'false']).optional(),
  scope_name: z.string().max(255).optional(),
  name: z.string().max(255).optional(),
});
export type ScopeMappingFilters = z.output<typeof scopeMappingListQuerySchema>;

export const scopeMappingReadSchema = z.object({
  pk: z.uuid(),
  managed: z.string().nullable(),
  name: z.string(),
  expression: z.string(),
  component: z.string(),
  verbose_name: z.string(),
  verbose_name_plural: z.string(),
  meta_model_name: z.string(),
  scope_name: z.string(),
  description: z.string(),
});
export type ScopeMappingRead = z.infer<typeof scopeMappingReadSchema>;
