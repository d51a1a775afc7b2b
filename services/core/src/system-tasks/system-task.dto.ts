import { z } from 'zod';
import { TASK_STATUSES } from './system-task.entity.js';

/** `?status=` filter of the list. */
export const taskListQuerySchema = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  service: z.string().max(64).optional(),
});
export type TaskListFilters = z.output<typeof taskListQuerySchema>;

/** A task as the admin API shows it: the latest run, or status `unknown` before the first one. */
export const taskReadSchema = z.object({
  /** `<service>.<name>`: the task's key in URLs (neither part contains a dot). */
  uid: z.string(),
  service: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(TASK_STATUSES),
  messages: z.array(z.string()),
  /** When the last run ended; null before the first run. */
  last_run: z.string().nullable(),
  started: z.string().nullable(),
  /** Seconds the last run took. */
  duration: z.number().nullable(),
  interval_seconds: z.number().nullable(),
});
export type TaskRead = z.infer<typeof taskReadSchema>;

export const taskRunAcceptedSchema = z.object({ detail: z.string() });

/**
 * The services whose tasks reach core over the bus. Core records its own runs directly, so a
 * bus message naming core (or an unknown service) is refused rather than trusted.
 */
const reportingService = z.enum(['events', 'flows', 'oauth2', 'gateway']);
/** How far ahead of core's clock a reported time may be (clock skew); later ones are refused. */
const MAX_CLOCK_SKEW_MS = 60_000;

/** `authmesh.tasks.v1.announced` as core accepts it. */
export const taskAnnouncedSchema = z.object({
  service: reportingService,
  name: z.string().regex(/^[a-z0-9_-]{1,64}$/),
  description: z.string().max(1000),
  interval_seconds: z.number().positive(),
});

/** `authmesh.tasks.v1.finished` as core accepts it. */
export const taskFinishedSchema = z
  .object({
    service: reportingService,
    name: z.string().regex(/^[a-z0-9_-]{1,64}$/),
    description: z.string().max(1000),
    status: z.enum(['successful', 'warning', 'error']),
    messages: z.array(z.string().max(10_000)).max(100),
    started: z.iso.datetime({ offset: true }),
    finished: z.iso.datetime({ offset: true }),
    duration: z.number().min(0),
  })
  // A run from the future would outrank every real report after it (the latest run is kept).
  .refine((run) => Date.parse(run.started) <= Date.parse(run.finished), { message: 'started after finished' })
  .refine((run) => Date.parse(run.finished) <= Date.now() + MAX_CLOCK_SKEW_MS, { message: 'finished in the future' });
