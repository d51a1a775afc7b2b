import { Alert, Button, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { dateCell, text, yesNo } from '../kit/cells';
import type { Choice, CustomInputProps, Field, Resource } from '../kit/resource';
import { action, type Row } from '../kit/resource-api';

/** A blueprint file the server can apply, as `/managed/blueprints/available` lists it. */
interface AvailableBlueprint {
  path: string;
  meta?: { name?: string };
}

/** Picks one of the blueprint files on the server (or none, for inline content). */
function AvailablePathInput({ id, value, onChange, invalid }: CustomInputProps) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Choice[] | undefined>();
  useEffect(() => {
    let live = true;
    action('GET', '/api/v3/managed/blueprints/available')
      .then((result) => {
        if (!live) return;
        const files = Array.isArray(result.data) ? (result.data as AvailableBlueprint[]) : [];
        setChoices(
          files.map((file) => ({ value: file.path, label: { text: file.meta?.name ? `${file.path} (${file.meta.name})` : file.path } })),
        );
      })
      .catch(() => live && setChoices([]));
    return () => {
      live = false;
    };
  }, []);
  return (
    <FormSelect
      id={id}
      value={typeof value === 'string' ? value : ''}
      validated={invalid ? 'error' : 'default'}
      onChange={(_event, next) => onChange(next)}
    >
      <FormSelectOption value="" label={t('admin.blueprints.inline')} />
      {(choices ?? []).map((choice) => (
        <FormSelectOption
          key={choice.value}
          value={choice.value}
          label={typeof choice.label === 'string' ? t(choice.label) : choice.label.text}
        />
      ))}
    </FormSelect>
  );
}

const STATUS: Record<string, MessageKey> = {
  successful: 'admin.blueprints.statusSuccessful',
  warning: 'admin.blueprints.statusWarning',
  error: 'admin.blueprints.statusError',
  orphaned: 'admin.blueprints.statusOrphaned',
  unknown: 'admin.blueprints.statusUnknown',
};

function StatusCell({ value }: { value: unknown }) {
  const { t } = useI18n();
  const key = typeof value === 'string' ? STATUS[value] : undefined;
  return key ? t(key) : text(value);
}

/** Runs the blueprint now and shows how it went. */
function ApplyButton({ row, reload }: { row: Row; reload(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | undefined>();
  return (
    <>
      <Button
        variant="secondary"
        isLoading={busy}
        isDisabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await action('POST', `/api/v3/managed/blueprints/${encodeURIComponent(String(row.pk))}/apply`);
          setBusy(false);
          const applied = result.data as Row | undefined;
          if (result.ok && applied?.status !== 'error') setOutcome({ ok: true, message: t('admin.blueprints.applied') });
          else
            setOutcome({
              ok: false,
              message: String(
                applied?.last_error ||
                  Object.values(result.errors ?? {})
                    .flat()
                    .join(' ') ||
                  t('admin.blueprints.applyFailed'),
              ),
            });
          reload();
        }}
      >
        {t('admin.blueprints.apply')}
      </Button>
      {outcome ? <Alert variant={outcome.ok ? 'success' : 'danger'} isInline isPlain title={outcome.message} /> : null}
    </>
  );
}

const inline = (values: Row) => !values.path;

const createFields: Field[] = [
  { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
  {
    name: 'path',
    label: 'admin.blueprints.path',
    help: 'admin.blueprints.pathHelp',
    kind: 'custom',
    initial: '',
    input: (props) => <AvailablePathInput {...props} />,
  },
  { name: 'content', label: 'admin.blueprints.content', help: 'admin.blueprints.contentHelp', kind: 'code', visible: inline },
  { name: 'context', label: 'admin.blueprints.context', help: 'admin.blueprints.contextHelp', kind: 'json', required: true, initial: {} },
  { name: 'enabled', label: 'admin.field.enabled', kind: 'switch', initial: true },
];

/** Blueprint instances: YAML files or inline content that declare objects, applied on change and on demand. */
export const blueprintResource: Resource = {
  route: '/blueprints/instances',
  api: '/api/v3/managed/blueprints',
  title: 'admin.blueprints.title',
  singular: 'admin.blueprints.singular',
  description: 'admin.blueprints.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.blueprints.path', render: (row) => text(row.path), ordering: 'path' },
    { label: 'admin.blueprints.status', render: (row) => <StatusCell value={row.status} />, ordering: 'status' },
    { label: 'admin.blueprints.lastApplied', render: (row) => dateCell(row.last_applied), ordering: 'last_applied' },
    { label: 'admin.field.enabled', render: (row) => yesNo(row.enabled) },
    { label: 'admin.blueprints.lastError', render: (row) => text(row.last_error), detailOnly: true },
    {
      label: 'admin.blueprints.context',
      render: (row) => <pre className="am-code">{JSON.stringify(row.context ?? {}, null, 2)}</pre>,
      detailOnly: true,
    },
    {
      label: 'admin.blueprints.content',
      render: (row) => (row.content ? <pre className="am-code">{String(row.content)}</pre> : '-'),
      detailOnly: true,
    },
  ],
  warnings: [{ when: (row) => row.status === 'error', message: 'admin.blueprints.failedWarning' }],
  fields: createFields,
  editFields: [
    { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
    {
      // Shown for what it is; the API does not move an instance to another file.
      name: 'path',
      label: 'admin.blueprints.path',
      kind: 'custom',
      createOnly: true,
      input: ({ id, value }) => <code id={id}>{text(value)}</code>,
    },
    { name: 'content', label: 'admin.blueprints.content', help: 'admin.blueprints.contentHelp', kind: 'code', visible: inline },
    { name: 'context', label: 'admin.blueprints.context', help: 'admin.blueprints.contextHelp', kind: 'json', required: true },
    { name: 'enabled', label: 'admin.field.enabled', kind: 'switch' },
  ],
  actions: (row, reload) => <ApplyButton row={row} reload={reload} />,
};
