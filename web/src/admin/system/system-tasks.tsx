import { Alert, AlertActionCloseButton, AlertGroup, Button, ExpandableSection, Label, Timestamp } from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { text } from '../kit/cells';
import type { Resource } from '../kit/resource';
import { action, type Row } from '../kit/resource-api';

type Status = 'successful' | 'warning' | 'error' | 'unknown';

/** Colour and words of each status; the colour never stands alone. */
const STATUS: Record<Status, { color: 'green' | 'orange' | 'red' | 'grey'; label: MessageKey }> = {
  successful: { color: 'green', label: 'admin.systemTasks.statusSuccessful' },
  warning: { color: 'orange', label: 'admin.systemTasks.statusWarning' },
  error: { color: 'red', label: 'admin.systemTasks.statusError' },
  unknown: { color: 'grey', label: 'admin.systemTasks.statusUnknown' },
};

function StatusLabel({ value }: { value: unknown }) {
  const { t } = useI18n();
  const status = STATUS[(typeof value === 'string' && value in STATUS ? value : 'unknown') as Status];
  return (
    <Label color={status.color} isCompact>
      {t(status.label)}
    </Label>
  );
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 minutes ago" in the user's language. */
function relative(date: Date, locale: string): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, 'second');
}

/** When the last run ended: relative, with the exact time beside it. */
function LastRunCell({ value }: { value: unknown }) {
  const { t, locale } = useI18n();
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return <>{t('admin.systemTasks.never')}</>;
  return (
    <span>
      {relative(date, locale)} (<Timestamp date={date} />)
    </span>
  );
}

/** A run's duration in seconds, as milliseconds when short. */
function DurationCell({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (typeof value !== 'number') return <>-</>;
  return value < 1 ? (
    <>{t('admin.systemTasks.milliseconds', { value: Math.round(value * 1000) })}</>
  ) : (
    <>{t('admin.systemTasks.seconds', { value: value.toFixed(2) })}</>
  );
}

/** The run's messages, folded behind a toggle that says how many there are. */
function MessagesCell({ value }: { value: unknown }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const messages = Array.isArray(value) ? value.map((message) => text(message)) : [];
  if (messages.length === 0) return <>-</>;
  return (
    <ExpandableSection
      toggleText={t('admin.systemTasks.messagesToggle', { count: messages.length })}
      isExpanded={open}
      onToggle={(_event, expanded) => setOpen(expanded)}
    >
      <ul>
        {messages.map((message, index) => (
          <li key={index}>{message}</li>
        ))}
      </ul>
    </ExpandableSection>
  );
}

/** Asks the task's service to run it now, says so in a toast and reloads. */
function RunNowButton({ row, reload }: { row: Row; reload(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [toast, setToast] = useState<{ ok: boolean; message: string } | undefined>();
  const label = row.status === 'unknown' ? 'admin.systemTasks.runNow' : 'admin.systemTasks.restart';
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        isLoading={busy}
        isDisabled={busy}
        aria-label={`${t(label)}: ${text(row.name)}`}
        onClick={async () => {
          setBusy(true);
          const result = await action('POST', `/api/v3/admin/system_tasks/${encodeURIComponent(String(row.uid))}/run`);
          setBusy(false);
          setToast(
            result.ok
              ? { ok: true, message: t('admin.systemTasks.requested', { name: text(row.name) }) }
              : {
                  ok: false,
                  message:
                    Object.values(result.errors ?? {})
                      .flat()
                      .join(' ') || t('admin.systemTasks.requestFailed'),
                },
          );
          reload();
        }}
      >
        {t(label)}
      </Button>
      {toast ? (
        <AlertGroup isToast isLiveRegion>
          <Alert
            variant={toast.ok ? 'success' : 'danger'}
            title={toast.message}
            timeout={8000}
            onTimeout={() => setToast(undefined)}
            actionClose={<AlertActionCloseButton onClose={() => setToast(undefined)} />}
          />
        </AlertGroup>
      ) : null}
    </>
  );
}

/**
 * Whether the task's service has stayed silent for more than three of its intervals: it may be
 * gone, and the row shows the last state it reported.
 */
function overdue(row: Row): boolean {
  const last = typeof row.last_run === 'string' ? Date.parse(row.last_run) : NaN;
  const interval = typeof row.interval_seconds === 'number' ? row.interval_seconds : NaN;
  return Date.now() - last > 3 * interval * 1000;
}

/** System tasks: the background work of every service, its last run, and running it now. */
export const systemTaskResource: Resource = {
  route: '/administration/system_tasks',
  api: '/api/v3/admin/system_tasks',
  title: 'admin.systemTasks.title',
  singular: 'admin.systemTasks.singular',
  description: 'admin.systemTasks.description',
  key: 'uid',
  name: (row) => text(row.name),
  ordering: 'service',
  creatable: false,
  editable: false,
  deletable: false,
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.systemTasks.service', render: (row) => text(row.service), ordering: 'service' },
    { label: 'admin.systemTasks.taskDescription', render: (row) => text(row.description) },
    { label: 'admin.systemTasks.status', render: (row) => <StatusLabel value={row.status} />, ordering: 'status' },
    { label: 'admin.systemTasks.lastRun', render: (row) => <LastRunCell value={row.last_run} />, ordering: 'last_run' },
    { label: 'admin.systemTasks.duration', render: (row) => <DurationCell value={row.duration} />, ordering: 'duration' },
    { label: 'admin.systemTasks.messages', render: (row) => <MessagesCell value={row.messages} /> },
  ],
  fields: [],
  warnings: [
    { when: (row) => row.status === 'error', message: 'admin.systemTasks.failedWarning' },
    { when: overdue, message: 'admin.systemTasks.overdueWarning' },
  ],
  actions: (row, reload) => <RunNowButton row={row} reload={reload} />,
  listRowActions: (row, reload) => <RunNowButton row={row} reload={reload} />,
};
