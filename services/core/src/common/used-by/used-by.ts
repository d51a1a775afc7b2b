import { z } from 'zod';
import { openApiSchema } from '@authmesh/http';

/**
 * What deleting an object does to something that refers to it: `cascade` deletes it too,
 * `cascade_many` removes its link to the object (a many-to-many membership or a list
 * entry), `set_null`/`set_default` reset its reference, and `restrict` means the delete is
 * refused while it refers to the object.
 */
export const USED_BY_ACTIONS = ['cascade', 'cascade_many', 'set_null', 'set_default', 'restrict'] as const;
export type UsedByAction = (typeof USED_BY_ACTIONS)[number];

/** One object that refers to another, in the reference product's `used_by` shape. */
export const usedBySchema = z.object({
  app: z.string(),
  model_name: z.string(),
  pk: z.string(),
  name: z.string(),
  action: z.enum(USED_BY_ACTIONS),
});
export type UsedBy = z.infer<typeof usedBySchema>;

/** The OpenAPI response schema of every `<object>/used_by/` route. */
export const usedByDoc = openApiSchema(z.array(usedBySchema), 'output');

/** At most this many referring rows are read per relation, so a huge table cannot blow up an answer. */
export const USED_BY_LIMIT_PER_RELATION = 100;
