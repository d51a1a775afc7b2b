import type { UserEntity } from '../../users/user.entity.js';

/**
 * The `sub` claim of a user under a provider's subject mode. `hashed_user_id` is a keyed
 * digest of the user's key (`digest` is the installation's keyed hash), so it is stable but
 * reveals nothing; the modes naming a field fall back to the uuid when it is empty.
 */
export function subjectOf(
  user: Pick<UserEntity, 'id' | 'uuid' | 'username' | 'email' | 'attributes'>,
  mode: string,
  digest: (value: string) => string,
): string {
  switch (mode) {
    case 'user_id':
      return String(user.id);
    case 'user_uuid':
      return user.uuid;
    case 'user_username':
      return user.username;
    case 'user_email':
      return user.email || user.uuid;
    case 'user_upn': {
      const upn = user.attributes?.upn;
      return typeof upn === 'string' && upn !== '' ? upn : user.uuid;
    }
    default:
      return digest(`oauth2-subject:${user.id}`);
  }
}
