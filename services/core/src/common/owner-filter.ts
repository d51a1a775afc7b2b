import { z } from 'zod';

/** The `?user=<pk>` filter of lists of things a user owns (sessions, consents, devices). */
export const ownerFilterSchema = z.object({
  user: z.coerce.number('Must be a user pk.').int('Must be a user pk.').positive('Must be a user pk.').optional(),
});
export type OwnerFilter = z.output<typeof ownerFilterSchema>;

/**
 * Whose objects a caller may list: a superuser anyone's (or the asked user's), anyone else only
 * their own. `null` means the caller asked for someone else's and gets nothing.
 */
export function ownerScope(isSuperuser: boolean, callerPk: string, filter: OwnerFilter): number | undefined | null {
  if (isSuperuser) return filter.user;
  const own = Number(callerPk);
  return filter.user === undefined || filter.user === own ? own : null;
}
