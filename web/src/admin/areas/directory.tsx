import { groupResource } from '../directory/groups';
import { tokenResource } from '../directory/tokens';
import { userResource } from '../directory/users';
import type { AdminArea } from '../kit/area';

/** The admin's "Directory" section: users, groups, tokens and app passwords. */
export const directoryArea: AdminArea = {
  section: 'admin.section.directory',
  items: [{ resource: userResource }, { resource: groupResource }, { resource: tokenResource }],
};
