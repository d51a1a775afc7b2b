import { useI18n } from '../../shared/i18n/i18n';
import type { Choice, Field, Resource } from '../kit/resource';
import { action, type Row } from '../kit/resource-api';
import { dateCell, text, yesNo } from '../kit/cells';
import {
  ActiveToggle,
  EmailRecoveryLinkButton,
  ImpersonateButton,
  RecoveryLinkButton,
  ServiceAccountButton,
  SetPasswordButton,
} from './user-actions';
import { UserGroups } from './user-groups';
import { UserConsents, UserDevices, UserSessions, UserTokens } from './user-owned';

/** The kinds of user our API knows, in the reference product's words. */
export const USER_TYPE_CHOICES: Choice[] = [
  { value: 'internal', label: 'admin.users.type.internal' },
  { value: 'external', label: 'admin.users.type.external' },
  { value: 'service_account', label: 'admin.users.type.service_account' },
  { value: 'internal_service_account', label: 'admin.users.type.internal_service_account' },
];

function typeLabel(row: Row): Choice['label'] | undefined {
  return USER_TYPE_CHOICES.find((choice) => choice.value === row.type)?.label;
}

/** The folders users are kept in, as filter choices (a folder also shows the ones below it). */
async function loadPaths(): Promise<Choice[]> {
  const result = await action('GET', '/api/v3/core/users/paths');
  const paths = (result.data as { paths?: unknown } | undefined)?.paths;
  return result.ok && Array.isArray(paths) ? paths.map((path) => ({ value: String(path), label: { text: String(path) } })) : [];
}

const groupsField: Field = {
  name: 'groups',
  label: 'admin.users.groups',
  help: 'admin.users.groupsHelp',
  kind: 'references',
  reference: { path: '/api/v3/core/groups' },
};

const fields: Field[] = [
  { name: 'username', label: 'admin.users.username', help: 'admin.users.usernameHelp', kind: 'text', required: true },
  { name: 'name', label: 'admin.field.name', help: 'admin.users.nameHelp', kind: 'text' },
  { name: 'email', label: 'admin.users.email', kind: 'email' },
  {
    name: 'type',
    label: 'admin.users.userType',
    help: 'admin.users.typeHelp',
    kind: 'select',
    required: true,
    initial: 'internal',
    choices: USER_TYPE_CHOICES,
  },
  { name: 'is_active', label: 'admin.users.isActive', help: 'admin.users.isActiveHelp', kind: 'switch', initial: true },
  { name: 'path', label: 'admin.users.path', help: 'admin.users.pathHelp', kind: 'text', initial: 'users' },
  { name: 'attributes', label: 'admin.field.attributes', help: 'admin.field.attributesHelp', kind: 'json', initial: '{}' },
];

/** Users: people and service accounts, their groups, sessions, consents, devices and tokens. */
export const userResource: Resource = {
  route: '/identity/users',
  api: '/api/v3/core/users',
  title: 'admin.users.title',
  singular: 'admin.users.singular',
  description: 'admin.users.description',
  ordering: 'username',
  name: (row) => String(row.username ?? ''),
  columns: [
    { label: 'admin.users.username', render: (row) => text(row.username), ordering: 'username' },
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.users.isActive', render: (row) => yesNo(row.is_active), ordering: 'is_active' },
    { label: 'admin.users.lastLogin', render: (row) => dateCell(row.last_login), ordering: 'last_login' },
    { label: 'admin.users.userType', render: (row) => <UserType row={row} /> },
  ],
  filters: [
    { name: 'type', label: 'admin.users.userType', choices: USER_TYPE_CHOICES },
    { name: 'path_startswith', label: 'admin.users.path', choices: [], load: loadPaths },
    {
      name: 'is_active',
      label: 'admin.users.isActive',
      choices: [
        { value: 'true', label: 'admin.yes' },
        { value: 'false', label: 'admin.no' },
      ],
    },
  ],
  warnings: [
    { when: (row) => row.is_active === false, message: 'admin.users.inactiveWarning' },
    { when: (row) => row.is_superuser === true, message: 'admin.users.superuserWarning' },
  ],
  fields: [...fields.slice(0, 6), groupsField, fields[6]],
  editFields: fields,
  listActions: (reload) => <ServiceAccountButton onCreated={reload} />,
  actions: (row, reload) => (
    <>
      <SetPasswordButton user={row} /> <RecoveryLinkButton user={row} /> <EmailRecoveryLinkButton user={row} />{' '}
      <ImpersonateButton user={row} /> <ActiveToggle user={row} onChanged={reload} />
    </>
  ),
  tabs: [
    { title: 'admin.users.groupsTab', render: (row, reload) => <UserGroups user={row} onChanged={reload} /> },
    { title: 'admin.users.sessionsTab', render: (row) => <UserSessions user={row} /> },
    { title: 'admin.users.consentsTab', render: (row) => <UserConsents user={row} /> },
    { title: 'admin.users.devicesTab', render: (row) => <UserDevices user={row} /> },
    { title: 'admin.users.tokensTab', render: (row) => <UserTokens user={row} /> },
  ],
};

/** A user's type in words. */
function UserType({ row }: { row: Row }) {
  const { t } = useI18n();
  const label = typeLabel(row);
  if (!label) return <>{text(row.type)}</>;
  return <>{typeof label === 'string' ? t(label) : label.text}</>;
}
