import { z } from 'zod';

const serviceStatus = z.object({
  name: z.string(),
  /** `local`: runs in the process that answered; `remote`: reached at its configured address; `absent`: neither. */
  location: z.enum(['local', 'remote', 'absent']),
  ready: z.boolean(),
});

/** What the admin dashboard shows about the running installation; no secrets. */
export const systemInfoSchema = z.object({
  version: z.string(),
  server_time: z.string(),
  started: z.string(),
  runtime: z.object({
    node_version: z.string(),
    platform: z.string(),
    uptime_seconds: z.number().int(),
    memory_rss_bytes: z.number().int(),
  }),
  database: z.object({ ready: z.boolean(), embedded: z.boolean() }),
  bus: z.object({ ready: z.boolean(), kind: z.enum(['nats', 'in-process']) }),
  services: z.array(serviceStatus),
  /** Problems found, in words; empty when all is well. */
  problems: z.array(z.string()),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;
export type ServiceStatus = z.infer<typeof serviceStatus>;

export const versionSchema = z.object({
  version_current: z.string(),
  /** Unknown offline: authmesh never calls out to learn the newest release. */
  version_latest: z.string().nullable(),
  outdated: z.boolean().nullable(),
});
export type VersionInfo = z.infer<typeof versionSchema>;
