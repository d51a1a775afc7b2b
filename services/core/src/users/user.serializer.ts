import type { GroupEntity } from '../groups/group.entity.js';
import type { UserEntity } from './user.entity.js';
import type { UserRead } from './user.dto.js';

/** The API representation of a user, in the reference product's field names. */
export function serializeUser(user: UserEntity, groups: GroupEntity[], isSuperuser: boolean): UserRead {
  return {
    pk: user.id,
    uuid: user.uuid,
    uid: user.uuid,
    username: user.username,
    name: user.name,
    email: user.email,
    is_active: user.isActive,
    is_superuser: isSuperuser,
    type: user.type,
    path: user.path,
    attributes: user.attributes,
    last_login: user.lastLogin?.toISOString() ?? null,
    password_change_date: user.passwordChangeDate?.toISOString() ?? null,
    date_joined: user.dateJoined.toISOString(),
    groups: groups.map((g) => g.id),
    groups_obj: groups.map((g) => ({
      pk: g.id,
      name: g.name,
      is_superuser: g.isSuperuser,
      parent: g.parentId,
      attributes: g.attributes,
    })),
  };
}
