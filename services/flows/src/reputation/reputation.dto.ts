import { z } from 'zod';

/** Filters of the scores list (besides page, page_size, search and ordering). */
export const reputationListQuerySchema = z.object({
  identifier: z.string().max(255).optional(),
  ip: z.string().max(64).optional(),
  score: z.coerce.number().int().min(-1000).max(1000).optional(),
});
export type ReputationFilters = z.output<typeof reputationListQuerySchema>;

/**
 * One score as the reference product shows it: a username score has `identifier` and an
 * empty `ip`, an address score has `ip` and an empty `identifier` (authmesh keeps the two
 * apart, so each is checked on its own). There is no geo database, so `ip_geo_data` is
 * never sent.
 */
export const reputationReadSchema = z.object({
  pk: z.uuid(),
  identifier: z.string(),
  ip: z.string(),
  ip_geo_data: z.record(z.string(), z.unknown()).optional(),
  score: z.number().int(),
  updated: z.string(),
});
export type ReputationRead = z.infer<typeof reputationReadSchema>;

/** The `used_by` shape the admin's delete dialog reads; nothing refers to a score. */
export const reputationUsedBySchema = z.array(
  z.object({
    app: z.string(),
    model_name: z.string(),
    pk: z.string(),
    name: z.string(),
    action: z.enum(['cascade', 'cascade_many', 'set_null', 'set_default', 'restrict']),
  }),
);
