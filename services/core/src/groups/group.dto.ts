import { patchSchemaOf } from '@authmesh/http';
import { z } from 'zod';

export const groupWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(80, 'Ensure this field has no more than 80 characters.'),
  parent: z.uuid('Must be a valid UUID.').nullable().default(null),
  is_superuser: z.boolean().default(false),
  attributes: z
    .record(z.string(), z.unknown())
    .refine((a) => JSON.stringify(a).length <= 65536, 'Attributes are too large.')
    .default({}),
  users: z.array(z.number().int().positive()).max(10000).optional(),
});
export const groupPatchSchema = patchSchemaOf(groupWriteSchema);
export type GroupWrite = z.output<typeof groupWriteSchema>;
export type GroupPatch = z.output<typeof groupPatchSchema>;

export const groupMemberSchema = z.object({ pk: z.number().int().positive('Invalid user.') });

export const groupListQuerySchema = z.object({
  name: z.string().max(80).optional(),
  is_superuser: z.enum(['true', 'false']).optional(),
  members_by_pk: z.coerce.number().int().positive().optional(),
  members_by_username: z.string().max(150).optional(),
  parent: z.uuid().optional(),
});
export type GroupFilters = z.output<typeof groupListQuerySchema>;

export const groupReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  is_superuser: z.boolean(),
  parent: z.uuid().nullable(),
  parent_name: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  users: z.array(z.number().int()),
  users_obj: z.array(z.object({ pk: z.number().int(), username: z.string(), name: z.string(), email: z.string(), is_active: z.boolean() })),
});
export type GroupRead = z.infer<typeof groupReadSchema>;
