import { Button, EmptyState, Modal, ModalBody, ModalHeader, Spinner, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import { DeleteDialog } from './delete-dialog';
import { keyOf, type Resource } from './resource';
import { create, listPage, update, type Row } from './resource-api';
import { ResourceForm } from './resource-form';

/**
 * The objects of one kind that belong to another object (a flow's stage bindings, an
 * application's policy bindings): listed by a filter, created with that filter's values set.
 */
export function RelatedList({
  resource,
  filter,
  rowActions,
}: {
  resource: Resource;
  filter: Record<string, string>;
  /** Extra buttons of each row, before Edit and Delete. */
  rowActions?(row: Row): ReactNode;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [editing, setEditing] = useState<Row | 'new' | undefined>();
  const [deleting, setDeleting] = useState<Row | undefined>();
  const [attempt, setAttempt] = useState(0);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    listPage(resource.api, { page_size: 1000, ordering: resource.ordering, ...(JSON.parse(filterKey) as Record<string, string>) })
      .then((page) => live && setRows(page.results))
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [resource, filterKey, attempt]);

  const reload = () => setAttempt((n) => n + 1);
  const fields = resource.fields.filter((field) => !(field.name in filter));

  return (
    <>
      {resource.creatable === false ? null : (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button variant="primary" onClick={() => setEditing('new')}>
                {t('admin.form.createTitle', { kind: t(resource.singular) })}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      {failure ? (
        <ErrorState error={failure} onRetry={reload} />
      ) : rows === undefined ? (
        <Spinner aria-label={t('flow.loading')} />
      ) : rows.length === 0 ? (
        <EmptyState titleText={t('admin.list.empty')} headingLevel="h3" />
      ) : (
        <Table aria-label={t(resource.title)} variant="compact">
          <Thead>
            <Tr>
              {resource.columns
                .filter((column) => !column.detailOnly)
                .map((column) => (
                  <Th key={column.label} modifier="wrap">
                    {t(column.label)}
                  </Th>
                ))}
              <Th screenReaderText={t('admin.list.actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={keyOf(resource, row)}>
                {resource.columns
                  .filter((column) => !column.detailOnly)
                  .map((column) => (
                    <Td key={column.label} dataLabel={t(column.label)}>
                      {column.render(row)}
                    </Td>
                  ))}
                <Td isActionCell>
                  {rowActions ? <>{rowActions(row)} </> : null}
                  {resource.rowActions ? <>{resource.rowActions(row, reload)} </> : null}
                  {resource.editable === false ? null : (
                    <>
                      <Button variant="secondary" size="sm" onClick={() => setEditing(row)}>
                        {t('admin.detail.edit')}
                      </Button>{' '}
                    </>
                  )}
                  {resource.deletable === false ? null : (
                    <Button variant="danger" size="sm" onClick={() => setDeleting(row)}>
                      {t('admin.list.delete')}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {editing ? (
        <Modal variant="medium" isOpen onClose={() => setEditing(undefined)} aria-labelledby="related-title">
          <ModalHeader
            title={t(editing === 'new' ? 'admin.form.createTitle' : 'admin.form.editTitle', { kind: t(resource.singular) })}
            labelId="related-title"
          />
          <ModalBody>
            <ResourceForm
              fields={fields}
              row={editing === 'new' ? undefined : editing}
              onSubmit={(body) =>
                editing === 'new' ? create(resource.api, { ...body, ...filter }) : update(resource.api, keyOf(resource, editing), body)
              }
              onSaved={() => {
                setEditing(undefined);
                reload();
              }}
              onCancel={() => setEditing(undefined)}
            />
          </ModalBody>
        </Modal>
      ) : null}
      {deleting ? (
        <DeleteDialog
          resource={resource}
          rows={[deleting]}
          onClose={(deleted) => {
            setDeleting(undefined);
            if (deleted) reload();
          }}
        />
      ) : null}
    </>
  );
}
