import { Alert, Button, Content, Spinner } from '@patternfly/react-core';
import '@patternfly/react-styles/css/components/Table/table.css';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../shared/api/client';
import { ErrorState } from '../shared/error-state';
import { useI18n } from '../shared/i18n/i18n';
import { listPage, remove, type ListPath, type Row } from '../admin/kit/resource-api';

/** A column of one of the user's own lists. */
export interface OwnColumn {
  label: string;
  render(row: Row): ReactNode;
}

/**
 * A table of the user's own objects (tokens, consents, sessions) with a confirmed delete per
 * row. The API answers only the caller's objects for non-superusers; `keep` leaves out the rest
 * for superusers, who see everyone's there.
 */
export function OwnList({
  list,
  rowKey,
  name,
  columns,
  empty,
  deleteLabel,
  confirmLabel,
  canDelete = () => true,
  keep = () => true,
  reloadKey = 0,
}: {
  list: ListPath;
  rowKey(row: Row): string;
  /** How a row is named in button labels and confirmations. */
  name(row: Row): string;
  columns: OwnColumn[];
  empty: string;
  deleteLabel(name: string): string;
  confirmLabel(name: string): string;
  canDelete?(row: Row): boolean;
  keep?(row: Row): boolean;
  /** Changing it reloads the list (after a create). */
  reloadKey?: number;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    listPage(list, { page_size: 1000 })
      .then((page) => live && setRows(page.results.filter(keep)))
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
    // `keep` is a predicate given inline; the list reloads on attempts and reloadKey only.
  }, [list, attempt, reloadKey]);

  if (failure) return <ErrorState error={failure} onRetry={reload} />;
  if (!rows) return <Spinner size="md" aria-label={t('flow.loading')} />;
  if (rows.length === 0) return <Content component="p">{empty}</Content>;
  return (
    <table className="pf-v6-c-table pf-m-compact">
      <thead className="pf-v6-c-table__thead">
        <tr className="pf-v6-c-table__tr">
          {columns.map((column) => (
            <th key={column.label} className="pf-v6-c-table__th" scope="col">
              {column.label}
            </th>
          ))}
          <th className="pf-v6-c-table__th" scope="col">
            <span className="pf-v6-screen-reader">{t('user.devices.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody className="pf-v6-c-table__tbody">
        {rows.map((row) => (
          <OwnRow
            key={rowKey(row)}
            row={row}
            list={list}
            rowKey={rowKey}
            name={name(row)}
            columns={columns}
            deletable={canDelete(row)}
            deleteLabel={deleteLabel}
            confirmLabel={confirmLabel}
            onDeleted={reload}
          />
        ))}
      </tbody>
    </table>
  );
}

function OwnRow({
  row,
  list,
  rowKey,
  name,
  columns,
  deletable,
  deleteLabel,
  confirmLabel,
  onDeleted,
}: {
  row: Row;
  list: ListPath;
  rowKey(row: Row): string;
  name: string;
  columns: OwnColumn[];
  deletable: boolean;
  deleteLabel(name: string): string;
  confirmLabel(name: string): string;
  onDeleted(): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirmDelete = async () => {
    setBusy(true);
    setError('');
    try {
      await remove(list, rowKey(row));
      onDeleted();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status !== 0 ? failure.message : t('error.network'));
      setBusy(false);
    }
  };
  return (
    <tr className="pf-v6-c-table__tr">
      {columns.map((column) => (
        <td key={column.label} className="pf-v6-c-table__td" data-label={column.label}>
          {column.render(row)}
        </td>
      ))}
      <td className="pf-v6-c-table__td">
        {!deletable ? null : confirming ? (
          <>
            <span>{confirmLabel(name)}</span>{' '}
            <Button variant="danger" size="sm" isLoading={busy} isDisabled={busy} onClick={() => void confirmDelete()}>
              {t('user.devices.delete')}
            </Button>
            <Button variant="link" size="sm" onClick={() => setConfirming(false)}>
              {t('flow.cancel')}
            </Button>
          </>
        ) : (
          <Button variant="secondary" isDanger size="sm" aria-label={deleteLabel(name)} onClick={() => setConfirming(true)}>
            {t('user.devices.delete')}
          </Button>
        )}
        {error ? <Alert variant="danger" isInline isPlain title={error} /> : null}
      </td>
    </tr>
  );
}
