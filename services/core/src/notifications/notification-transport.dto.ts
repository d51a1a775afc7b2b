import { z } from 'zod';
import { patchSchemaOf } from '@authmesh/http';
import { TRANSPORT_MODES } from './notification-transport.entity.js';

/** Blank, or an absolute http(s) URL (whether a mode needs one is checked with the mode). */
const webhookUrl = z
  .string()
  .trim()
  .max(2048, 'Ensure this field has no more than 2048 characters.')
  .refine((v) => v === '' || /^https?:$/.test(URL.parse(v)?.protocol ?? ''), 'Enter a valid http(s) URL.');

export const notificationTransportWriteSchema = z.object({
  name: z.string().trim().min(1, 'This field may not be blank.').max(255, 'Ensure this field has no more than 255 characters.'),
  mode: z.enum(TRANSPORT_MODES, 'Not a valid choice.').default('local'),
  webhook_url: webhookUrl.default(''),
  webhook_mapping: z.uuid('Must be a valid UUID.').nullable().default(null),
  send_once: z.boolean().default(false),
});
export const notificationTransportPatchSchema = patchSchemaOf(notificationTransportWriteSchema);
export type NotificationTransportWrite = z.output<typeof notificationTransportWriteSchema>;
export type NotificationTransportPatch = z.output<typeof notificationTransportPatchSchema>;

export const notificationTransportListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  mode: z.enum(TRANSPORT_MODES, 'Not a valid choice.').optional(),
});
export type NotificationTransportFilters = z.output<typeof notificationTransportListQuerySchema>;

export const notificationTransportReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  mode: z.enum(TRANSPORT_MODES),
  mode_verbose: z.string(),
  webhook_url: z.string(),
  webhook_mapping: z.uuid().nullable(),
  send_once: z.boolean(),
});
export type NotificationTransportRead = z.infer<typeof notificationTransportReadSchema>;

/** What the test action answers: what the delivery did, or why it failed. */
export const notificationTransportTestSchema = z.object({ messages: z.array(z.string()) });
export type NotificationTransportTest = z.infer<typeof notificationTransportTestSchema>;
