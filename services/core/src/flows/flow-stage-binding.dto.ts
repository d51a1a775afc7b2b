import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { INVALID_RESPONSE_ACTIONS } from './flow-stage-binding.entity.js';

export const bindingWriteSchema = z.object({
  target: z.uuid('Must be a valid UUID.'),
  stage: z.uuid('Must be a valid UUID.'),
  order: z.number().int('Enter a whole number.').min(-2147483648).max(2147483647),
  evaluate_on_plan: z.boolean().default(false),
  re_evaluate_policies: z.boolean().default(true),
  policy_engine_mode: z.enum(['any', 'all'], 'Not a valid choice.').default('any'),
  invalid_response_action: z.enum(INVALID_RESPONSE_ACTIONS, 'Not a valid choice.').default('retry'),
});
export const bindingPatchSchema = patchSchemaOf(bindingWriteSchema);
export type BindingWrite = z.output<typeof bindingWriteSchema>;
export type BindingPatch = z.output<typeof bindingPatchSchema>;

export const bindingListQuerySchema = z.object({
  target: z.uuid().optional(),
  stage: z.uuid().optional(),
});

export const bindingReadSchema = bindingWriteSchema.extend({
  pk: z.uuid(),
  stage_obj: z.object({ pk: z.uuid(), name: z.string(), component: z.string() }),
});
export type BindingRead = z.infer<typeof bindingReadSchema>;
