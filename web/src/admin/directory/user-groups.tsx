import {
  Alert,
  Button,
  EmptyState,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { yesNo } from '../kit/cells';
import { action, listPage, type Row } from '../kit/resource-api';

/** Adds or removes a user from a group (`POST /core/groups/<pk>/add_user|remove_user`). */
export async function changeMembership(group: string, user: number, change: 'add_user' | 'remove_user'): Promise<string | undefined> {
  const result = await action('POST', `/api/v3/core/groups/${encodeURIComponent(group)}/${change}`, { pk: user });
  return result.ok
    ? undefined
    : Object.values(result.errors ?? {})
        .flat()
        .join(' ') || `HTTP ${result.status}`;
}

/** A user's groups: listed, left and joined; joining a superuser group is flagged before it happens. */
export function UserGroups({ user, onChanged }: { user: Row; onChanged(): void }) {
  const { t } = useI18n();
  const groups = (user.groups_obj as Row[] | undefined) ?? [];
  const [all, setAll] = useState<Row[]>([]);
  const [picked, setPicked] = useState('');
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    listPage('/api/v3/core/groups', { page_size: 1000, ordering: 'name' })
      .then((page) => live && setAll(page.results))
      .catch(() => live && setFailure(t('admin.form.choicesFailed')));
    return () => {
      live = false;
    };
  }, [t]);

  const member = new Set(groups.map((group) => String(group.pk)));
  const choices = all.filter((group) => !member.has(String(group.pk)));
  const pickedGroup = all.find((group) => String(group.pk) === picked);
  const run = async (group: string, change: 'add_user' | 'remove_user') => {
    const error = await changeMembership(group, Number(user.pk), change);
    setFailure(error);
    if (!error) {
      setPicked('');
      onChanged();
    }
  };

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormGroup label={t('admin.users.addToGroup')} fieldId="add-group">
              <FormSelect id="add-group" value={picked} onChange={(_event, value) => setPicked(value)}>
                <FormSelectOption value="" label={t('admin.form.none')} />
                {choices.map((group) => (
                  <FormSelectOption key={String(group.pk)} value={String(group.pk)} label={String(group.name)} />
                ))}
              </FormSelect>
            </FormGroup>
          </ToolbarItem>
          <ToolbarItem alignSelf="end">
            <Button variant="primary" isDisabled={!picked} onClick={() => void run(picked, 'add_user')}>
              {t('admin.directory.add')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {pickedGroup?.is_superuser ? <Alert variant="warning" isInline title={t('admin.users.superuserGroupWarning')} /> : null}
      {failure ? <Alert variant="danger" isInline title={failure} /> : null}
      {groups.length === 0 ? (
        <EmptyState titleText={t('admin.users.noGroups')} headingLevel="h3" />
      ) : (
        <Table aria-label={t('admin.users.groupsTab')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('admin.field.name')}</Th>
              <Th>{t('admin.groups.superuser')}</Th>
              <Th screenReaderText={t('admin.list.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {groups.map((group) => (
              <Tr key={String(group.pk)}>
                <Td dataLabel={t('admin.field.name')}>
                  <Link to={`/identity/groups/${encodeURIComponent(String(group.pk))}`}>{String(group.name)}</Link>
                </Td>
                <Td dataLabel={t('admin.groups.superuser')}>{yesNo(group.is_superuser)}</Td>
                <Td isActionCell>
                  <Button variant="danger" size="sm" onClick={() => void run(String(group.pk), 'remove_user')}>
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
