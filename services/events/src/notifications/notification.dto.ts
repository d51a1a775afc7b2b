import { z } from 'zod';
import { eventReadSchema } from '../events/event.dto.js';

export const SEVERITIES = ['notice', 'warning', 'alert'] as const;
export type Severity = (typeof SEVERITIES)[number];

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Filters of the signed-in user's notification list. */
export const notificationListQuerySchema = z.object({
  seen: booleanText.optional(),
  severity: z.enum(SEVERITIES).optional(),
});
export type NotificationFilters = z.output<typeof notificationListQuerySchema>;

export const notificationReadSchema = z.object({
  pk: z.uuid(),
  severity: z.enum(SEVERITIES),
  body: z.string(),
  created: z.string(),
  event: eventReadSchema.nullable(),
  seen: z.boolean(),
});
export type NotificationRead = z.infer<typeof notificationReadSchema>;

/** PATCH: only `seen` can change; the read-only fields are ignored, as in the reference API. */
export const notificationPatchSchema = z.object({ seen: z.boolean() }).partial();
export type NotificationPatch = z.output<typeof notificationPatchSchema>;
