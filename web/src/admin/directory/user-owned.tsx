import { Alert, Button, EmptyState, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { dateCell, text, yesNo } from '../kit/cells';
import { DeleteDialog } from '../kit/delete-dialog';
import { RelatedList } from '../kit/related-list';
import type { Resource } from '../kit/resource';
import { listPage, type ListPath, type Row } from '../kit/resource-api';
import { tokenResource } from './tokens';

/** A user's login sessions; deleting one ends it on its next request. */
export const sessionResource: Resource = {
  route: '/identity/sessions',
  api: '/api/v3/core/authenticated_sessions',
  title: 'admin.users.sessionsTab',
  singular: 'admin.sessions.singular',
  key: 'uuid',
  ordering: '-last_used',
  creatable: false,
  editable: false,
  searchable: false,
  name: (row) => `${text(row.last_ip)} (${text(row.last_user_agent)})`,
  columns: [
    { label: 'admin.sessions.lastIp', render: (row) => text(row.last_ip) },
    { label: 'admin.sessions.userAgent', render: (row) => text(row.last_user_agent) },
    { label: 'admin.sessions.lastUsed', render: (row) => dateCell(row.last_used) },
    { label: 'admin.sessions.expires', render: (row) => dateCell(row.expires) },
    { label: 'admin.sessions.current', render: (row) => yesNo(row.current) },
  ],
  fields: [],
};

/** Consents a user gave to applications; deleting one makes the application ask again. */
export const consentResource: Resource = {
  route: '/identity/consents',
  api: '/api/v3/core/user_consent',
  title: 'admin.users.consentsTab',
  singular: 'admin.consents.singular',
  creatable: false,
  editable: false,
  searchable: false,
  name: (row) => text((row.application as Row | null)?.name),
  columns: [
    { label: 'admin.consents.application', render: (row) => text((row.application as Row | null)?.name) },
    { label: 'admin.consents.permissions', render: (row) => text(row.permissions) },
    { label: 'admin.consents.expires', render: (row) => (row.expiring ? dateCell(row.expires) : '-') },
  ],
  fields: [],
};

/** The device types with an admin list, each its own endpoint. */
const DEVICE_TYPES: { type: string; api: ListPath }[] = [
  { type: 'totp', api: '/api/v3/authenticators/admin/totp' },
  { type: 'static', api: '/api/v3/authenticators/admin/static' },
  { type: 'webauthn', api: '/api/v3/authenticators/admin/webauthn' },
  { type: 'duo', api: '/api/v3/authenticators/admin/duo' },
  { type: 'sms', api: '/api/v3/authenticators/admin/sms' },
];

function deviceResource(api: ListPath): Resource {
  return {
    route: '/identity/devices',
    api,
    title: 'admin.users.devicesTab',
    singular: 'admin.devices.singular',
    columns: [],
    fields: [],
  };
}

/** A user's MFA devices of every type; deleting one stops it from being accepted. */
export function UserDevices({ user }: { user: Row }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<{ row: Row; api: ListPath }[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<{ row: Row; api: ListPath } | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all(
      DEVICE_TYPES.map(async ({ api }) =>
        (await listPage(api, { user: String(user.pk), page_size: 1000 })).results.map((row) => ({ row, api })),
      ),
    )
      .then((found) => live && setRows(found.flat()))
      .catch((error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [user.pk, attempt]);

  if (failure) return <Alert variant="danger" isInline title={failure} />;
  if (!rows) return <Spinner aria-label={t('flow.loading')} />;
  if (rows.length === 0) return <EmptyState titleText={t('admin.devices.none')} headingLevel="h3" />;
  return (
    <>
      <Table aria-label={t('admin.users.devicesTab')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('admin.field.name')}</Th>
            <Th>{t('admin.devices.type')}</Th>
            <Th>{t('admin.devices.confirmed')}</Th>
            <Th>{t('admin.devices.created')}</Th>
            <Th>{t('admin.devices.lastUsed')}</Th>
            <Th screenReaderText={t('admin.list.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map(({ row, api }) => (
            <Tr key={String(row.pk)}>
              <Td dataLabel={t('admin.field.name')}>{text(row.name)}</Td>
              <Td dataLabel={t('admin.devices.type')}>{text(row.verbose_name)}</Td>
              <Td dataLabel={t('admin.devices.confirmed')}>{yesNo(row.confirmed)}</Td>
              <Td dataLabel={t('admin.devices.created')}>{dateCell(row.created)}</Td>
              <Td dataLabel={t('admin.devices.lastUsed')}>{dateCell(row.last_used)}</Td>
              <Td isActionCell>
                <Button variant="danger" size="sm" onClick={() => setDeleting({ row, api })}>
                  {t('admin.list.delete')}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {deleting ? (
        <DeleteDialog
          resource={deviceResource(deleting.api)}
          rows={[deleting.row]}
          onClose={(deleted) => {
            setDeleting(undefined);
            if (deleted) setAttempt((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}

/** The sessions tab of a user. */
export function UserSessions({ user }: { user: Row }) {
  return <RelatedList resource={sessionResource} filter={{ user: String(user.pk) }} />;
}

/** The consents tab of a user. */
export function UserConsents({ user }: { user: Row }) {
  return <RelatedList resource={consentResource} filter={{ user: String(user.pk) }} />;
}

/** Tokens are created and edited on the tokens page; the tab lists them, shows keys and deletes. */
const userTokenResource: Resource = { ...tokenResource, creatable: false, editable: false };

/** The tokens tab of a user: their tokens and app passwords, each key viewable. */
export function UserTokens({ user }: { user: Row }) {
  return <RelatedList resource={userTokenResource} filter={{ user__username: String(user.username) }} />;
}
