import { Content, Label } from '@patternfly/react-core';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { Link } from '../../shared/router';
import { text } from '../kit/cells';
import type { Choice, Resource } from '../kit/resource';
import { listPage, type Row } from '../kit/resource-api';
import { PolicyBindings } from '../policies/policy-bindings';

/** How urgent a rule's notifications are, as the API names it, and its label. */
export const SEVERITIES: Record<string, MessageKey> = {
  notice: 'admin.rules.severity.notice',
  warning: 'admin.rules.severity.warning',
  alert: 'admin.rules.severity.alert',
};

const SEVERITY_CHOICES: Choice[] = Object.entries(SEVERITIES).map(([value, label]) => ({ value, label }));
const SEVERITY_COLORS: Record<string, 'blue' | 'orange' | 'red'> = { notice: 'blue', warning: 'orange', alert: 'red' };

function SeverityCell({ severity }: { severity: unknown }) {
  const { t } = useI18n();
  const key = typeof severity === 'string' ? SEVERITIES[severity] : undefined;
  if (!key) return <>{text(severity)}</>;
  return (
    <Label isCompact color={SEVERITY_COLORS[String(severity)]}>
      {t(key)}
    </Label>
  );
}

/** The group a rule notifies, linked to its page, or a clear "disabled" when there is none. */
function GroupCell({ row }: { row: Row }) {
  const { t } = useI18n();
  const group = row.group_obj as { pk?: unknown; name?: unknown } | null | undefined;
  if (!row.group || !group) {
    return (
      <Label isCompact color="grey">
        {t('admin.rules.noGroup')}
      </Label>
    );
  }
  return <Link to={`/identity/groups/${encodeURIComponent(String(group.pk))}`}>{text(group.name)}</Link>;
}

/** The rule's transports by name, each linked to its page; their ids when the names cannot be loaded. */
function TransportLinks({ pks }: { pks: string[] }) {
  const [names, setNames] = useState<Map<string, string> | undefined>();
  // The ids as one string: the array is made anew on every render.
  const wanted = pks.join(',');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    listPage('/api/v3/events/transports', { page_size: 1000 })
      .then((page) => live && setNames(new Map(page.results.map((row) => [String(row.pk), String(row.name)]))))
      .catch(() => live && setNames(new Map()));
    return () => {
      live = false;
    };
  }, [wanted]);
  if (pks.length === 0) return <>-</>;
  return (
    <>
      {pks.map((pk, index) => (
        <span key={pk}>
          {index > 0 ? ', ' : null}
          <Link to={`/events/transports/${encodeURIComponent(pk)}`}>{names?.get(pk) ?? pk}</Link>
        </span>
      ))}
    </>
  );
}

const transportsOf = (row: Row): string[] => (Array.isArray(row.transports) ? row.transports.map(String) : []);

/** The rule's policy bindings, with what they mean for a rule (which events trigger it). */
function RuleBindings({ row }: { row: Row }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <Content component="p">{t('admin.rules.bindingsHelp')}</Content>
      <PolicyBindings target={String(row.pk)} />
    </>
  );
}

/** Notification rules: which events notify which group, how urgently and through which transports. */
export const ruleResource: Resource = {
  route: '/events/rules',
  api: '/api/v3/events/rules',
  title: 'admin.rules.title',
  singular: 'admin.rules.singular',
  description: 'admin.rules.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.rules.severityLabel', render: (row) => <SeverityCell severity={row.severity} /> },
    { label: 'admin.rules.group', render: (row) => <GroupCell row={row} /> },
    { label: 'admin.rules.transports', render: (row) => String(transportsOf(row).length), listOnly: true },
    { label: 'admin.rules.transports', render: (row) => <TransportLinks pks={transportsOf(row)} />, detailOnly: true },
  ],
  warnings: [{ when: (row) => !row.group, message: 'admin.rules.disabled' }],
  filters: [{ name: 'severity', label: 'admin.rules.severityLabel', choices: SEVERITY_CHOICES }],
  fields: [
    { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
    {
      name: 'group',
      label: 'admin.rules.group',
      help: 'admin.rules.groupHelp',
      kind: 'reference',
      reference: { path: '/api/v3/core/groups' },
    },
    {
      name: 'transports',
      label: 'admin.rules.transports',
      help: 'admin.rules.transportsHelp',
      kind: 'references',
      reference: { path: '/api/v3/events/transports' },
    },
    {
      name: 'severity',
      label: 'admin.rules.severityLabel',
      help: 'admin.rules.severityHelp',
      kind: 'select',
      required: true,
      initial: 'notice',
      choices: SEVERITY_CHOICES,
    },
    {
      name: 'policy_engine_mode',
      label: 'admin.field.policyEngineMode',
      kind: 'select',
      required: true,
      initial: 'any',
      choices: [
        { value: 'any', label: 'admin.policyEngineMode.any' },
        { value: 'all', label: 'admin.policyEngineMode.all' },
      ],
    },
  ],
  tabs: [{ title: 'admin.policyBindings.title', render: (row) => <RuleBindings row={row} /> }],
};
