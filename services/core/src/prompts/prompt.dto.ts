import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { PROMPT_TYPES } from './prompt.entity.js';

export const promptWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  field_key: z
    .string()
    .min(1, 'This field may not be blank.')
    .max(255)
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'Use letters, digits, - and _, with dots between attribute levels.')
    .refine((key) => !key.split('.').some((part) => ['__proto__', 'constructor', 'prototype'].includes(part)), 'This key is reserved.'),
  label: z.string().max(255).default(''),
  type: z.enum(PROMPT_TYPES, 'Not a valid choice.'),
  required: z.boolean().default(true),
  placeholder: z.string().max(10_000).default(''),
  placeholder_expression: z.boolean().default(false),
  initial_value: z.string().max(10_000).default(''),
  initial_value_expression: z.boolean().default(false),
  sub_text: z.string().max(10_000).default(''),
  order: z.number().int().min(-2147483648).max(2147483647).default(0),
});
export const promptPatchSchema = patchSchemaOf(promptWriteSchema);
export type PromptWrite = z.output<typeof promptWriteSchema>;
export type PromptPatch = z.output<typeof promptPatchSchema>;
export type PromptRead = PromptWrite & { pk: string; promptstage_set: string[] };

export const promptListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  field_key: z.string().max(255).optional(),
  type: z.string().max(32).optional(),
});
export type PromptFilters = z.infer<typeof promptListQuerySchema>;
