import { Alert, Button, EmptyState, SearchInput, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { text, yesNo } from '../kit/cells';
import { listPage, type Row } from '../kit/resource-api';
import { changeMembership } from './user-groups';

/** A group's members: listed and removed; users found by a search are added. */
export function GroupMembers({ group, onChanged }: { group: Row; onChanged(): void }) {
  const { t } = useI18n();
  const members = (group.users_obj as Row[] | undefined) ?? [];
  const [found, setFound] = useState<Row[] | undefined>();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const memberPks = new Set(members.map((user) => String(user.pk)));

  const search = async (value: string) => {
    try {
      const page = await listPage('/api/v3/core/users', { search: value || undefined, page_size: 20, ordering: 'username' });
      setFound(page.results.filter((user) => !memberPks.has(String(user.pk))));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const run = async (user: Row, change: 'add_user' | 'remove_user') => {
    const error = await changeMembership(String(group.pk), Number(user.pk), change);
    setFailure(error);
    if (!error) {
      setFound((rows) => rows?.filter((row) => row.pk !== user.pk));
      onChanged();
    }
  };

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput
              aria-label={t('admin.groups.findUsers')}
              placeholder={t('admin.groups.findUsers')}
              value={typed}
              onChange={(_event, value) => setTyped(value)}
              onSearch={(_event, value) => void search(value)}
              onClear={() => {
                setTyped('');
                setFound(undefined);
              }}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {group.is_superuser ? <Alert variant="warning" isInline isPlain title={t('admin.groups.superuserMembersWarning')} /> : null}
      {failure ? <Alert variant="danger" isInline title={failure} /> : null}
      {found ? (
        <Table aria-label={t('admin.groups.usersToAdd')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('admin.groups.usersToAdd')}</Th>
              <Th>{t('admin.field.name')}</Th>
              <Th screenReaderText={t('admin.list.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {found.map((user) => (
              <Tr key={String(user.pk)}>
                <Td>{text(user.username)}</Td>
                <Td>{text(user.name)}</Td>
                <Td isActionCell>
                  <Button variant="primary" size="sm" onClick={() => void run(user, 'add_user')}>
                    {t('admin.directory.add')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
      {members.length === 0 ? (
        <EmptyState titleText={t('admin.groups.noMembers')} headingLevel="h3" />
      ) : (
        <Table aria-label={t('admin.groups.membersTab')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('admin.users.username')}</Th>
              <Th>{t('admin.field.name')}</Th>
              <Th>{t('admin.users.isActive')}</Th>
              <Th screenReaderText={t('admin.list.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {members.map((user) => (
              <Tr key={String(user.pk)}>
                <Td dataLabel={t('admin.users.username')}>
                  <Link to={`/identity/users/${String(user.pk)}`}>{text(user.username)}</Link>
                </Td>
                <Td dataLabel={t('admin.field.name')}>{text(user.name)}</Td>
                <Td dataLabel={t('admin.users.isActive')}>{yesNo(user.is_active)}</Td>
                <Td isActionCell>
                  <Button variant="danger" size="sm" onClick={() => void run(user, 'remove_user')}>
                    {t('admin.directory.remove')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
}
