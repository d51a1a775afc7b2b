import { z } from 'zod';

const json = z.record(z.string(), z.unknown());

/**
 * An event as services publish it on `authmesh.events.v1.created` (and send to the
 * CreateEvent RPC). Unknown fields are dropped; bounded so one bad publisher cannot bloat
 * the log.
 */
export const incomingEventSchema = z.object({
  event_uuid: z.uuid(),
  action: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/),
  app: z.string().max(128).default(''),
  user: json.default({}),
  client_ip: z.string().max(64).default(''),
  brand: json.default({}),
  context: json.refine((c) => JSON.stringify(c).length <= 256 * 1024, 'context too large').default({}),
  created: z.iso.datetime({ offset: true }).optional(),
  expires: z.iso.datetime({ offset: true }).optional(),
});
export type IncomingEvent = z.output<typeof incomingEventSchema>;

export const eventListQuerySchema = z.object({
  action: z.string().max(64).optional(),
  client_ip: z.string().max(64).optional(),
  username: z.string().max(150).optional(),
  brand_name: z.string().max(255).optional(),
  context_model_app: z.string().max(128).optional(),
  context_model_name: z.string().max(128).optional(),
  context_model_pk: z.string().max(128).optional(),
  context_authorized_app: z.string().max(128).optional(),
  /** Events created at or after this instant (ISO 8601 with an offset). */
  created__gte: z.iso.datetime({ offset: true }).optional(),
  /** Events created at or before this instant (ISO 8601 with an offset). */
  created__lte: z.iso.datetime({ offset: true }).optional(),
});
export type EventFilters = z.output<typeof eventListQuerySchema>;

export const eventReadSchema = z.object({
  pk: z.uuid(),
  action: z.string(),
  app: z.string(),
  user: json,
  context: json,
  client_ip: z.string().nullable(),
  brand: json,
  created: z.string(),
  expires: z.string(),
});
export type EventRead = z.infer<typeof eventReadSchema>;

/** `per_month`: the events matching the list filters, per day over the last 30 days. */
export const eventVolumeQuerySchema = eventListQuerySchema;

export const topPerUserQuerySchema = z.object({
  action: z.string().max(64).default('authorize_application'),
  top_n: z.coerce.number().int().min(1).max(100).default(15),
});
export type TopPerUserQuery = z.output<typeof topPerUserQuerySchema>;

const coordinate = z.object({ x_cord: z.number().int(), y_cord: z.number().int() });
export const coordinatesSchema = z.array(coordinate);
export const loginMetricsSchema = z.object({
  logins: coordinatesSchema,
  logins_failed: coordinatesSchema,
  authorizations: coordinatesSchema,
});
/** The actions recorded so far, each once, for the event log's action filter. */
export const eventActionsSchema = z.array(z.object({ name: z.string() }));

export const topPerUserSchema = z.array(z.object({ application: json, counted_events: z.number().int(), unique_users: z.number().int() }));
