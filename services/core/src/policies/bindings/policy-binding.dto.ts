import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';

const int32 = z.number().int('Enter a whole number.').min(-2147483648).max(2147483647);

export const policyBindingWriteSchema = z.object({
  target: z.uuid('Must be a valid UUID.'),
  policy: z.uuid('Must be a valid UUID.').nullable().default(null),
  group: z.uuid('Must be a valid UUID.').nullable().default(null),
  user: z.number().int().positive().nullable().default(null),
  order: int32,
  enabled: z.boolean().default(true),
  negate: z.boolean().default(false),
  timeout: z.number().int().min(1).max(3600).default(30),
  failure_result: z.boolean().default(false),
});
export const policyBindingPatchSchema = patchSchemaOf(policyBindingWriteSchema);
export type PolicyBindingWrite = z.output<typeof policyBindingWriteSchema>;
export type PolicyBindingPatch = z.output<typeof policyBindingPatchSchema>;

export const policyBindingListQuerySchema = z.object({
  target: z.uuid().optional(),
  policy: z.uuid().optional(),
  enabled: z.enum(['true', 'false']).optional(),
});
export type PolicyBindingFilters = z.infer<typeof policyBindingListQuerySchema>;

export const policyBindingReadSchema = policyBindingWriteSchema.extend({
  pk: z.uuid(),
  policy_obj: z.object({ pk: z.uuid(), name: z.string(), meta_model_name: z.string() }).nullable(),
  group_obj: z.object({ pk: z.uuid(), name: z.string() }).nullable(),
  user_obj: z.object({ pk: z.number(), username: z.string() }).nullable(),
});
export type PolicyBindingRead = z.infer<typeof policyBindingReadSchema>;
