import { text, yesNo } from '../kit/cells';
import { RelatedList } from '../kit/related-list';
import type { Field, Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { PolicyBindings } from '../policies/policy-bindings';
import { GroupMembers } from './group-members';

const fields: Field[] = [
  { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
  {
    name: 'parent',
    label: 'admin.groups.parent',
    help: 'admin.groups.parentHelp',
    kind: 'reference',
    reference: { path: '/api/v3/core/groups' },
  },
  { name: 'is_superuser', label: 'admin.groups.isSuperuser', help: 'admin.groups.isSuperuserHelp', kind: 'switch' },
  { name: 'attributes', label: 'admin.field.attributes', help: 'admin.field.attributesHelp', kind: 'json', initial: '{}' },
];

/** Groups: users together, with a parent, superuser rights and attributes their members inherit. */
export const groupResource: Resource = {
  route: '/identity/groups',
  api: '/api/v3/core/groups',
  title: 'admin.groups.title',
  singular: 'admin.groups.singular',
  description: 'admin.groups.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.groups.parent', render: (row) => text(row.parent_name) },
    { label: 'admin.groups.members', render: (row) => String(Array.isArray(row.users) ? row.users.length : 0) },
    { label: 'admin.groups.superuser', render: (row) => yesNo(row.is_superuser), ordering: 'is_superuser' },
  ],
  filters: [
    {
      name: 'is_superuser',
      label: 'admin.groups.superuser',
      choices: [
        { value: 'true', label: 'admin.yes' },
        { value: 'false', label: 'admin.no' },
      ],
    },
  ],
  warnings: [{ when: (row) => row.is_superuser === true, message: 'admin.groups.superuserMembersWarning' }],
  fields,
  tabs: [
    { title: 'admin.groups.membersTab', render: (row, reload) => <GroupMembers group={row} onChanged={reload} /> },
    { title: 'admin.groups.childrenTab', render: (row) => <ChildGroups group={row} /> },
    { title: 'admin.policyBindings.title', render: (row) => <PolicyBindings target={String(row.pk)} /> },
  ],
};

/** The groups whose parent a group is; new ones made here get it as their parent. */
function ChildGroups({ group }: { group: Row }) {
  return <RelatedList resource={groupResource} filter={{ parent: String(group.pk) }} />;
}
