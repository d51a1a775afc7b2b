import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';

export const webhookMappingWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  expression: z.string().min(1, 'This field may not be blank.').max(100_000),
});
export const webhookMappingPatchSchema = patchSchemaOf(webhookMappingWriteSchema);
export type WebhookMappingWrite = z.output<typeof webhookMappingWriteSchema>;
export type WebhookMappingPatch = z.output<typeof webhookMappingPatchSchema>;

export const webhookMappingListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  managed: z.string().max(255).optional(),
});
export type WebhookMappingFilters = z.output<typeof webhookMappingListQuerySchema>;

export const webhookMappingReadSchema = z.object({
  pk: z.uuid(),
  managed: z.string().nullable(),
  name: z.string(),
  expression: z.string(),
  component: z.string(),
  verbose_name: z.string(),
  verbose_name_plural: z.string(),
  meta_model_name: z.string(),
});
export type WebhookMappingRead = z.infer<typeof webhookMappingReadSchema>;
