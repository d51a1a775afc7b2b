import { dateCell, text } from '../kit/cells';
import type { Choice, Resource } from '../kit/resource';
import { api } from '../../shared/api/client';
import type { Row } from '../kit/resource-api';
import { actionKey } from './event-actions';
import { ActionCell } from './event-cells';

/** The start (or the end) of a calendar day in the browser's time zone, as the instant the API filters on. */
export function dayBoundary(day: string, end: boolean): string {
  const at = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(at.getTime()) ? day : at.toISOString();
}

/** The actions recorded so far, for the action filter. */
async function actionChoices(): Promise<Choice[]> {
  // When they cannot be loaded the filter offers none; the list itself shows its own errors.
  const { data } = await api.GET('/api/v3/events/events/actions').catch(() => ({ data: undefined }));
  return (data ?? []).map(({ name }) => {
    const key = actionKey(name);
    return { value: name, label: key ?? { text: name } };
  });
}

/** The event log: what happened, who did it, from where and when; read-only. */
export const eventResource: Resource = {
  route: '/events/log',
  api: '/api/v3/events/events',
  title: 'admin.events.title',
  singular: 'admin.events.singular',
  description: 'admin.events.description',
  ordering: '-created',
  creatable: false,
  editable: false,
  deletable: false,
  name: (row) => String(row.action ?? ''),
  columns: [
    { label: 'admin.events.action', render: (row) => <ActionCell action={String(row.action ?? '')} />, ordering: 'action' },
    { label: 'admin.events.user', render: (row) => text((row.user as Row | undefined)?.username), ordering: 'user' },
    { label: 'admin.events.app', render: (row) => text(row.app) },
    { label: 'admin.events.clientIp', render: (row) => text(row.client_ip), ordering: 'client_ip' },
    { label: 'admin.events.created', render: (row) => dateCell(row.created), ordering: 'created' },
  ],
  fields: [],
  filters: [
    { name: 'action', label: 'admin.events.action', choices: [], load: actionChoices },
    { name: 'username', label: 'admin.events.username', kind: 'text', choices: [] },
    { name: 'client_ip', label: 'admin.events.clientIp', kind: 'text', choices: [] },
    { name: 'created__gte', label: 'admin.events.from', kind: 'date', choices: [], toApi: (day) => dayBoundary(day, false) },
    { name: 'created__lte', label: 'admin.events.until', kind: 'date', choices: [], toApi: (day) => dayBoundary(day, true) },
  ],
};
