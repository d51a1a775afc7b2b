import { createHash } from 'node:crypto';
import type { User__Output } from '@authmesh/rpc';

/**
 * The `sub` claim of a user for a provider's subject mode. `hashed_user_id` is a digest of
 * the user's key and the installation secret, so it is stable but reveals nothing.
 */
export function subjectOf(user: User__Output, mode: string, installationSecret: string): string {
  switch (mode) {
    case 'user_id':
      return user.pk;
    case 'user_uuid':
      return user.uuid;
    case 'user_username':
      return user.username;
    case 'user_email':
      return user.email || user.uuid;
    case 'user_upn': {
      const upn = attributes(user).upn;
      return typeof upn === 'string' && upn !== '' ? upn : user.uuid;
    }
    default:
      return createHash('sha256').update(`${user.pk}-${installationSecret}`).digest('hex');
  }
}

function attributes(user: User__Output): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(user.attributes_json || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
