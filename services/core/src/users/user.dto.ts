import { patchSchemaOf } from '@authmesh/http';
import { z } from 'zod';
import { USER_TYPES } from './user.entity.js';

const username = z
  .string()
  .trim()
  .min(1, 'This field may not be blank.')
  .max(150, 'Ensure this field has no more than 150 characters.')
  .regex(/^[^\s\x00-\x1f]+$/, 'Usernames may not contain spaces or control characters.');

const path = z
  .string()
  .max(512, 'Ensure this field has no more than 512 characters.')
  .regex(/^[^/](?:.*[^/])?$|^$/, 'Paths may not start or end with a slash.')
  .refine((p) => !p.includes('//'), 'Paths may not contain empty segments.');

const attributes = z.record(z.string(), z.unknown()).refine((a) => JSON.stringify(a).length <= 65536, 'Attributes are too large.');

export const userWriteSchema = z.object({
  username,
  name: z.string().max(512, 'Ensure this field has no more than 512 characters.').default(''),
  email: z.union([z.literal(''), z.email('Enter a valid email address.').max(254)]).default(''),
  is_active: z.boolean().default(true),
  type: z.enum(USER_TYPES, 'Not a valid choice.').default('internal'),
  path: path.default('users'),
  attributes: attributes.default({}),
  groups: z.array(z.uuid('Must be a valid UUID.')).max(1000).default([]),
});

export const userPatchSchema = patchSchemaOf(userWriteSchema);
export type UserWrite = z.output<typeof userWriteSchema>;
export type UserPatch = z.output<typeof userPatchSchema>;

export const recoveryEmailSchema = z.object({ email_stage: z.uuid('Must be a valid UUID.') });
export const recoveryLinkSchema = z.object({ link: z.string() });

export const setPasswordSchema = z.object({
  password: z.string().min(1, 'This field may not be blank.').max(1024, 'Ensure this field has no more than 1024 characters.'),
});

export const serviceAccountSchema = z.object({
  name: username,
  create_group: z.boolean().default(false),
  expiring: z.boolean().default(true),
  expires: z.iso.datetime({ offset: true, message: 'Enter a valid date/time.' }).optional(),
});

export const userListQuerySchema = z.object({
  username: z.string().max(150).optional(),
  email: z.string().max(254).optional(),
  name: z.string().max(512).optional(),
  is_active: z.enum(['true', 'false']).optional(),
  type: z.enum(USER_TYPES).optional(),
  path: z.string().max(512).optional(),
  path_startswith: z.string().max(512).optional(),
  uuid: z.uuid().optional(),
  groups_by_pk: z.uuid().optional(),
});

export const pathsQuerySchema = z.object({ search: z.string().max(512).optional() });

export const groupRefSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  is_superuser: z.boolean(),
  parent: z.uuid().nullable(),
  attributes: z.record(z.string(), z.unknown()),
});

export const userReadSchema = z.object({
  pk: z.number().int(),
  uuid: z.uuid(),
  uid: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  is_active: z.boolean(),
  is_superuser: z.boolean(),
  type: z.enum(USER_TYPES),
  path: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  last_login: z.string().nullable(),
  password_change_date: z.string().nullable(),
  date_joined: z.string(),
  groups: z.array(z.uuid()),
  groups_obj: z.array(groupRefSchema),
});
export type UserRead = z.infer<typeof userReadSchema>;

/** Why an admin impersonates someone, recorded in the event (optional here). */
export const impersonateSchema = z.object({ reason: z.string().trim().max(1000).default('') });
