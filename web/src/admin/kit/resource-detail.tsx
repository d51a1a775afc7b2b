import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Spinner,
  Tab,
  Tabs,
  TabTitleText,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import { navigateTo } from '../../shared/router';
import { DeleteDialog } from './delete-dialog';
import { keyOf, nameOf, type Resource } from './resource';
import { retrieve, update, type Row } from './resource-api';
import { ResourceForm } from './resource-form';

/** The concrete type's resource for a row of a polymorphic list (or the resource itself). */
export function concrete(resource: Resource, row: Row): Resource {
  return resource.types?.find((choice) => choice.matches(row))?.resource ?? resource;
}

/** One object: its fields, warnings, extra tabs, edit and delete. */
export function ResourceDetail({ resource, id }: { resource: Resource; id: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ row: Row; resource: Resource } | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [tab, setTab] = useState<string | number>(0);
  const [deleting, setDeleting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    (async () => {
      const row = await retrieve(resource.api, id);
      const type = concrete(resource, row);
      return { row: type === resource ? row : await retrieve(type.api, keyOf(type, row)), resource: type };
    })()
      .then((found) => live && setState(found))
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [resource, id, attempt]);

  const reload = () => setAttempt((n) => n + 1);
  const back = (
    <Breadcrumb>
      <BreadcrumbItem to={`#${resource.route}`}>{t(resource.title)}</BreadcrumbItem>
      {state ? <BreadcrumbItem isActive>{nameOf(state.resource, state.row)}</BreadcrumbItem> : null}
    </Breadcrumb>
  );
  if (failure)
    return (
      <>
        {back}
        <ErrorState error={failure} onRetry={reload} />
      </>
    );
  if (!state) return <Spinner aria-label={t('flow.loading')} />;

  const { row, resource: type } = state;
  const key = keyOf(type, row);
  const warnings = (type.warnings ?? []).filter((warning) => warning.when(row));
  const editFields = type.editFields ?? type.fields;
  const overview = (
    <DescriptionList isHorizontal isCompact>
      {type.columns
        .filter((column) => !column.listOnly)
        .map((column) => (
          <DescriptionListGroup key={column.label}>
            <DescriptionListTerm>{t(column.label)}</DescriptionListTerm>
            <DescriptionListDescription>{column.render(row)}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
    </DescriptionList>
  );

  const tabs = [
    <Tab key="overview" eventKey={0} title={<TabTitleText>{t('admin.detail.overview')}</TabTitleText>}>
      {overview}
    </Tab>,
  ];
  if (type.editable !== false)
    tabs.push(
      <Tab key="edit" eventKey="edit" title={<TabTitleText>{t('admin.detail.edit')}</TabTitleText>}>
        <ResourceForm
          key={attempt}
          fields={editFields}
          row={row}
          onSubmit={(body) => update(type.api, key, body)}
          onSaved={(next) => {
            setSaved(true);
            setState({ row: { ...row, ...next }, resource: type });
            const renamed = type.key ? next[type.key] : undefined;
            if (renamed !== undefined && String(renamed) !== id) navigateTo(`${resource.route}/${encodeURIComponent(String(renamed))}`);
          }}
        />
      </Tab>,
    );
  for (const extra of type.tabs ?? [])
    tabs.push(
      <Tab key={extra.title} eventKey={extra.title} title={<TabTitleText>{t(extra.title)}</TabTitleText>}>
        {extra.render(row, reload)}
      </Tab>,
    );

  return (
    <>
      {back}
      <Title headingLevel="h2">{nameOf(type, row)}</Title>
      <Toolbar>
        <ToolbarContent>
          {type.actions ? <ToolbarItem>{type.actions(row, reload)}</ToolbarItem> : null}
          {type.deletable === false ? null : (
            <ToolbarItem>
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t('admin.list.delete')}
              </Button>
            </ToolbarItem>
          )}
        </ToolbarContent>
      </Toolbar>
      {warnings.map((warning) => (
        <Alert key={warning.message} variant="warning" isInline title={t(warning.message)} />
      ))}
      {saved ? <Alert variant="success" isInline isPlain title={t('admin.form.saved')} /> : null}
      <Tabs activeKey={tab} onSelect={(_event, next) => setTab(next)} mountOnEnter unmountOnExit>
        {tabs}
      </Tabs>
      {deleting ? (
        <DeleteDialog
          resource={type}
          rows={[row]}
          onClose={(deleted) => {
            setDeleting(false);
            if (deleted) navigateTo(resource.route);
          }}
        />
      ) : null}
    </>
  );
}
