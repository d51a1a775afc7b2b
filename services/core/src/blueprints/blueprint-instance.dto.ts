import { z } from 'zod';

export const instanceWriteSchema = z
  .object({
    name: z.string().trim().min(1, 'This field may not be blank.').max(255),
    path: z.string().max(1024).default(''),
    content: z
      .string()
      .max(1024 * 1024, 'The blueprint is larger than 1024 KiB.')
      .default(''),
    context: z.record(z.string(), z.unknown()).default({}),
    enabled: z.boolean().default(true),
  })
  .refine((v) => (v.path === '') !== (v.content === ''), { message: 'Give either a path or inline content, not both.', path: ['path'] });
export const instancePatchSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
  content: z
    .string()
    .max(1024 * 1024, 'The blueprint is larger than 1024 KiB.')
    .optional(),
});
export type InstanceWrite = z.output<typeof instanceWriteSchema>;
export type InstancePatch = z.output<typeof instancePatchSchema>;

export const instanceListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  path: z.string().max(1024).optional(),
  show_system: z.enum(['true', 'false']).optional(),
});

export const instanceReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  path: z.string(),
  content: z.string(),
  context: z.record(z.string(), z.unknown()),
  metadata: z.object({ name: z.string().optional(), labels: z.record(z.string(), z.string()).optional() }),
  enabled: z.boolean(),
  status: z.string(),
  last_applied: z.string().nullable(),
  last_applied_hash: z.string(),
  last_error: z.string(),
  managed_models: z.array(z.string()),
});
export type InstanceRead = z.infer<typeof instanceReadSchema>;
