import { patchSchemaOf } from '@authmesh/http';
import { z } from 'zod';
import { slugSchema } from '../common/field-schemas.js';
import { FLOW_AUTHENTICATION, FLOW_DENIED_ACTIONS, FLOW_DESIGNATIONS, FLOW_LAYOUTS } from './flow.entity.js';

const choice = 'Not a valid choice.';

export const flowWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  slug: slugSchema,
  title: z.string().min(1, 'This field may not be blank.').max(255),
  designation: z.enum(FLOW_DESIGNATIONS, choice),
  background: z.string().max(2048).default(''),
  policy_engine_mode: z.enum(['any', 'all'], choice).default('any'),
  compatibility_mode: z.boolean().default(false),
  layout: z.enum(FLOW_LAYOUTS, choice).default('stacked'),
  denied_action: z.enum(FLOW_DENIED_ACTIONS, choice).default('message_continue'),
  authentication: z.enum(FLOW_AUTHENTICATION, choice).default('none'),
});
export const flowPatchSchema = patchSchemaOf(flowWriteSchema);
export type FlowWrite = z.output<typeof flowWriteSchema>;
export type FlowPatch = z.output<typeof flowPatchSchema>;

export const flowListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  slug: z.string().max(50).optional(),
  designation: z.enum(FLOW_DESIGNATIONS).optional(),
});
export type FlowFilters = z.output<typeof flowListQuerySchema>;

export const flowReadSchema = flowWriteSchema.extend({ pk: z.uuid(), export_url: z.string() });
export type FlowRead = z.infer<typeof flowReadSchema>;
