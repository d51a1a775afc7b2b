import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { NOTIFICATION_SEVERITIES } from './notification-rule.entity.js';

export const notificationRuleWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255, 'Ensure this field has no more than 255 characters.'),
  transports: z.array(z.uuid('Must be a valid UUID.')).max(100, 'Ensure this field has no more than 100 elements.').default([]),
  severity: z.enum(NOTIFICATION_SEVERITIES, 'Not a valid choice.').default('notice'),
  group: z.uuid('Must be a valid UUID.').nullable().default(null),
  policy_engine_mode: z.enum(['any', 'all'], 'Not a valid choice.').default('any'),
});
export const notificationRulePatchSchema = patchSchemaOf(notificationRuleWriteSchema);
export type NotificationRuleWrite = z.output<typeof notificationRuleWriteSchema>;
export type NotificationRulePatch = z.output<typeof notificationRulePatchSchema>;

export const notificationRuleListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  severity: z.enum(NOTIFICATION_SEVERITIES, 'Not a valid choice.').optional(),
});
export type NotificationRuleFilters = z.output<typeof notificationRuleListQuerySchema>;

export const notificationRuleReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  transports: z.array(z.uuid()),
  severity: z.enum(NOTIFICATION_SEVERITIES),
  group: z.uuid().nullable(),
  group_obj: z.object({ pk: z.uuid(), name: z.string() }).nullable(),
  policy_engine_mode: z.enum(['any', 'all']),
});
export type NotificationRuleRead = z.infer<typeof notificationRuleReadSchema>;
