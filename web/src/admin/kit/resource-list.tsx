import {
  Button,
  Content,
  FormSelect,
  FormSelectOption,
  EmptyState,
  EmptyStateBody,
  Label,
  Modal,
  ModalBody,
  ModalHeader,
  Pagination,
  SearchInput,
  Spinner,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import { hrefOf, Link, navigateTo, type HashRoute } from '../../shared/router';
import { DeleteDialog } from './delete-dialog';
import { keyOf, type Choice, type Resource } from './resource';
import { create, listPage, type Page, type Row } from './resource-api';
import { ResourceForm } from './resource-form';
import { TypePicker } from './type-picker';

/** The choices of filters that load theirs from the API; a filter whose load fails keeps its fixed ones. */
function useLoadedFilterChoices(resource: Resource): Record<string, Choice[]> {
  const [loaded, setLoaded] = useState<Record<string, Choice[]>>({});
  useEffect(() => {
    let live = true;
    for (const filter of resource.filters ?? []) {
      if (!filter.load) continue;
      filter
        .load()
        .then((choices) => live && setLoaded((current) => ({ ...current, [filter.name]: choices })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [resource]);
  return loaded;
}

/** The filters' values as the API wants them (`toApi`), empty ones left out. */
function apiFilters(resource: Resource, values: Record<string, string | undefined>): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const filter of resource.filters ?? []) {
    const value = values[filter.name];
    if (value) query[filter.name] = filter.toApi ? filter.toApi(value) : value;
  }
  return query;
}

/** A free-text or date filter: text applies on Enter or when the field is left, a date when picked. */
function FilterInput(props: { label: string; type: 'text' | 'date'; value: string; onCommit(value: string): void }) {
  const [typed, setTyped] = useState(props.value);
  const id = useId();
  const commit = () => {
    if (typed !== props.value) props.onCommit(typed);
  };
  const input = (
    <TextInput
      id={id}
      aria-label={props.label}
      placeholder={props.label}
      type={props.type}
      value={typed}
      onChange={(_event, value) => {
        setTyped(value);
        // A date picker gives a whole date at once (or clears it), so it applies right away.
        if (props.type === 'date' && value !== props.value) props.onCommit(value);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
  // A date field shows no placeholder, so its name stands beside it.
  return props.type === 'date' ? (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem' }}>
      <label htmlFor={id}>{props.label}</label>
      {input}
    </span>
  ) : (
    input
  );
}

/** The list page of a kind of object: search, ordering, pages, bulk delete and create. */
export function ResourceList({ resource, route }: { resource: Resource; route: HashRoute }) {
  const { t } = useI18n();
  const search = route.query.get('search') ?? '';
  const ordering = route.query.get('ordering') ?? resource.ordering ?? '';
  const page = Math.max(1, Number(route.query.get('page') ?? '1') || 1);
  const pageSize = Math.max(1, Number(route.query.get('page_size') ?? '20') || 20);
  const [data, setData] = useState<Page | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [selected, setSelected] = useState<Row[]>([]);
  const [deleting, setDeleting] = useState(false);
  const [creating, setCreating] = useState<Resource | 'pick' | undefined>();
  const [typed, setTyped] = useState(search);
  const [made, setMade] = useState<{ resource: Resource; row: Row; notice: ReactNode } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const filterValues = Object.fromEntries(
    (resource.filters ?? []).map((filter) => [filter.name, route.query.get(filter.name) ?? undefined]),
  );
  const filterKey = JSON.stringify(filterValues);
  const loaded = useLoadedFilterChoices(resource);

  const go = useCallback(
    (change: Record<string, string | undefined>) =>
      navigateTo(route.path, {
        search,
        ordering: route.query.get('ordering') ?? undefined,
        page: String(page),
        page_size: route.query.get('page_size') ?? undefined,
        ...(JSON.parse(filterKey) as Record<string, string | undefined>),
        ...change,
      }),
    [route, search, page, filterKey],
  );

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    listPage(resource.api, {
      page,
      page_size: pageSize,
      search: search || undefined,
      ordering: ordering || undefined,
      ...apiFilters(resource, JSON.parse(filterKey) as Record<string, string | undefined>),
    })
      .then((result) => {
        if (!live) return;
        setData(result);
        setSelected([]);
      })
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [resource, page, pageSize, search, ordering, filterKey, attempt]);

  const reload = () => setAttempt((n) => n + 1);
  const open = (target: Resource, row: Row) => {
    window.location.hash = hrefOf(`${target === resource ? route.path : target.route}/${encodeURIComponent(keyOf(target, row))}`);
  };

  const sortBy = (ordering?: string): ThProps['sort'] | undefined => {
    if (!ordering) return undefined;
    const active = ordering === (route.query.get('ordering') ?? resource.ordering)?.replace(/^-/, '');
    const descending = (route.query.get('ordering') ?? resource.ordering ?? '').startsWith('-');
    return {
      sortBy: active ? { index: 0, direction: descending ? 'desc' : 'asc' } : {},
      columnIndex: 0,
      onSort: () => go({ ordering: active && !descending ? `-${ordering}` : ordering, page: '1' }),
    };
  };

  const rows = data?.results ?? [];
  const listColumns = resource.columns.filter((column) => !column.detailOnly);
  const allSelected = rows.length > 0 && selected.length === rows.length;
  const isSelected = (row: Row) => selected.some((other) => keyOf(resource, other) === keyOf(resource, row));

  return (
    <>
      <Title headingLevel="h2">{t(resource.title)}</Title>
      {resource.description ? <Content component="p">{t(resource.description)}</Content> : null}
      <Toolbar>
        <ToolbarContent>
          {resource.searchable === false ? null : (
            <ToolbarItem>
              <SearchInput
                aria-label={t('admin.list.search')}
                placeholder={t('admin.list.search')}
                value={typed}
                onChange={(_event, value) => setTyped(value)}
                onSearch={(_event, value) => go({ search: value, page: '1' })}
                onClear={() => {
                  setTyped('');
                  go({ search: undefined, page: '1' });
                }}
              />
            </ToolbarItem>
          )}
          {(resource.filters ?? []).map((filter) => (
            <ToolbarItem key={filter.name}>
              {filter.kind === 'text' || filter.kind === 'date' ? (
                <FilterInput
                  key={filterValues[filter.name] ?? ''}
                  label={t(filter.label)}
                  type={filter.kind}
                  value={filterValues[filter.name] ?? ''}
                  onCommit={(value) => go({ [filter.name]: value || undefined, page: '1' })}
                />
              ) : (
                <FormSelect
                  aria-label={t(filter.label)}
                  value={filterValues[filter.name] ?? ''}
                  onChange={(_event, value) => go({ [filter.name]: value || undefined, page: '1' })}
                >
                  <FormSelectOption value="" label={`${t(filter.label)}: ${t('admin.list.filterAny')}`} />
                  {[...filter.choices, ...(loaded[filter.name] ?? [])].map((choice) => (
                    <FormSelectOption
                      key={choice.value}
                      value={choice.value}
                      label={`${t(filter.label)}: ${typeof choice.label === 'string' ? t(choice.label) : choice.label.text}`}
                    />
                  ))}
                </FormSelect>
              )}
            </ToolbarItem>
          ))}
          {resource.creatable === false ? null : (
            <ToolbarItem>
              <Button variant="primary" onClick={() => setCreating(resource.types ? 'pick' : resource)}>
                {t('admin.list.create')}
              </Button>
            </ToolbarItem>
          )}
          {resource.deletable === false ? null : (
            <ToolbarItem>
              <Button variant="danger" isDisabled={selected.length === 0} onClick={() => setDeleting(true)}>
                {t('admin.list.delete')}
              </Button>
            </ToolbarItem>
          )}
          {resource.listActions ? <ToolbarItem>{resource.listActions(reload)}</ToolbarItem> : null}
          <ToolbarItem>
            <Button variant="secondary" onClick={reload}>
              {t('admin.list.refresh')}
            </Button>
          </ToolbarItem>
          <ToolbarItem variant="pagination">
            <Pagination
              itemCount={data?.pagination.count ?? 0}
              page={page}
              perPage={pageSize}
              isCompact
              onSetPage={(_event, next) => go({ page: String(next) })}
              onPerPageSelect={(_event, next) => go({ page: '1', page_size: String(next) })}
              titles={{ paginationAriaLabel: t('admin.list.pages') }}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {failure ? (
        <ErrorState error={failure} onRetry={reload} />
      ) : data === undefined ? (
        <Spinner aria-label={t('flow.loading')} />
      ) : rows.length === 0 ? (
        <EmptyState titleText={t('admin.list.empty')} headingLevel="h3">
          <EmptyStateBody>{search ? t('admin.list.emptySearch', { search }) : t('admin.list.emptyHint')}</EmptyStateBody>
        </EmptyState>
      ) : (
        <Table aria-label={t(resource.title)} variant="compact">
          <Thead>
            <Tr>
              {resource.deletable === false ? null : (
                <Th
                  select={{ onSelect: (_event, all) => setSelected(all ? rows : []), isSelected: allSelected }}
                  aria-label={t('admin.list.selectAll')}
                />
              )}
              {listColumns.map((column) => (
                <Th key={column.label} sort={sortBy(column.ordering)} modifier="wrap">
                  {t(column.label)}
                </Th>
              ))}
              {resource.listRowActions ? <Th screenReaderText={t('admin.list.actions')} /> : null}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row, index) => {
              const key = keyOf(resource, row);
              const warnings = (resource.warnings ?? []).filter((warning) => warning.when(row));
              return (
                <Tr key={key || index}>
                  {resource.deletable === false ? null : (
                    <Td
                      select={{
                        rowIndex: index,
                        isSelected: isSelected(row),
                        onSelect: (_event, on) =>
                          setSelected(on ? [...selected, row] : selected.filter((other) => keyOf(resource, other) !== key)),
                      }}
                    />
                  )}
                  {listColumns.map((column, columnIndex) => (
                    <Td key={column.label} dataLabel={t(column.label)}>
                      {columnIndex === 0 ? (
                        <Link to={`${route.path}/${encodeURIComponent(key)}`}>{column.render(row)}</Link>
                      ) : (
                        column.render(row)
                      )}
                      {columnIndex === 0
                        ? warnings.map((warning) => (
                            <div key={warning.message}>
                              <Label color="orange" isCompact>
                                {t(warning.message)}
                              </Label>
                            </div>
                          ))
                        : null}
                    </Td>
                  ))}
                  {resource.listRowActions ? <Td isActionCell>{resource.listRowActions(row, reload)}</Td> : null}
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      {deleting ? (
        <DeleteDialog
          resource={resource}
          rows={selected}
          onClose={(deleted) => {
            setDeleting(false);
            if (deleted) reload();
          }}
        />
      ) : null}
      {creating === 'pick' && resource.types ? (
        <TypePicker types={resource.types} onPick={(choice) => setCreating(choice.resource)} onClose={() => setCreating(undefined)} />
      ) : creating && creating !== 'pick' ? (
        <Modal variant="large" isOpen onClose={() => setCreating(undefined)} aria-labelledby="create-title">
          <ModalHeader title={t('admin.form.createTitle', { kind: t(creating.singular) })} labelId="create-title" />
          <ModalBody>
            <ResourceForm
              fields={creating.fields}
              onSubmit={(body) => create(creating.api, body)}
              onSaved={(row) => {
                const target = creating;
                setCreating(undefined);
                const notice = target.created?.(row);
                if (notice) setMade({ resource: target, row, notice });
                else open(target, row);
              }}
              onCancel={() => setCreating(undefined)}
            />
          </ModalBody>
        </Modal>
      ) : null}
      {made ? (
        <Modal variant="medium" isOpen onClose={() => open(made.resource, made.row)} aria-labelledby="created-title">
          <ModalHeader title={t('admin.form.createdTitle', { kind: t(made.resource.singular) })} labelId="created-title" />
          <ModalBody>
            {made.notice}
            <Button variant="primary" onClick={() => open(made.resource, made.row)}>
              {t('admin.form.continue')}
            </Button>
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}
