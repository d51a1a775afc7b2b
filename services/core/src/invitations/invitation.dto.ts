import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { slugSchema } from '../common/field-schemas.js';

export const invitationWriteSchema = z.object({
  name: slugSchema,
  expires: z.iso.datetime({ offset: true, message: 'Enter a valid date/time.' }).nullable().default(null),
  fixed_data: z.record(z.string(), z.unknown()).default({}),
  single_use: z.boolean().default(false),
  flow: z.uuid('Must be a valid UUID.').nullable().default(null),
});
export const invitationPatchSchema = patchSchemaOf(invitationWriteSchema);
export type InvitationWrite = z.output<typeof invitationWriteSchema>;
export type InvitationPatch = z.output<typeof invitationPatchSchema>;

export interface InvitationRead {
  pk: string;
  name: string;
  expires: string | null;
  fixed_data: Record<string, unknown>;
  created_by: { pk: number; username: string } | null;
  single_use: boolean;
  flow: string | null;
  flow_obj: { pk: string; slug: string; name: string } | null;
}

export const invitationListQuerySchema = z.object({ name: z.string().max(50).optional(), flow__slug: z.string().max(50).optional() });
export type InvitationFilters = z.infer<typeof invitationListQuerySchema>;
