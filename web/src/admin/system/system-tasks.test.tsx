import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { systemTaskResource } from './system-tasks';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const task = (extra: Record<string, unknown>) => ({
  uid: 'events.event_retention_purge',
  service: 'events',
  name: 'event_retention_purge',
  description: 'Deletes events whose retention period has passed.',
  status: 'successful',
  messages: ['12 expired event(s) deleted.'],
  last_run: new Date(Date.now() - 5 * 60_000).toISOString(),
  started: new Date(Date.now() - 5 * 60_000 - 300).toISOString(),
  duration: 0.25,
  interval_seconds: 3600,
  ...extra,
});

const TASKS = [
  task({}),
  task({
    uid: 'flows.expired_executions_purge',
    service: 'flows',
    name: 'expired_executions_purge',
    status: 'error',
    messages: ['connection terminated'],
    duration: 3.5,
  }),
  task({
    uid: 'core.blueprint_discovery',
    service: 'core',
    name: 'blueprint_discovery',
    interval_seconds: 60,
    last_run: new Date(Date.now() - 3_600_000).toISOString(),
  }),
  task({
    uid: 'core.source_key_set_refresh',
    service: 'core',
    name: 'source_key_set_refresh',
    status: 'unknown',
    messages: [],
    last_run: null,
    duration: null,
  }),
];

const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

afterEach(() => {
  window.location.hash = '';
});

describe('system tasks', () => {
  it('shows each status in words and colour, the last run, the duration and folded messages', async () => {
    const user = userEvent.setup();
    fakeServer.reply = () => json(200, page(TASKS));
    renderWithI18n(<ResourceList resource={systemTaskResource} route={parseHash('#/administration/system_tasks')} />);
    expect(await screen.findByText('event_retention_purge')).toBeTruthy();
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/admin/system_tasks');

    const ok = rowOf('event_retention_purge');
    expect(within(ok).getByText('Successful').closest('.pf-m-green')).toBeTruthy();
    expect(within(ok).getByText(/5 minutes ago/)).toBeTruthy();
    expect(within(ok).getByText('250 ms')).toBeTruthy();
    // Folded: the message is in the page but hidden until the toggle opens it.
    const toggle = within(ok).getByRole('button', { name: 'Messages: 1' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(ok).getByText('12 expired event(s) deleted.').closest('[hidden]')).toBeTruthy();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(ok).getByText('12 expired event(s) deleted.').closest('[hidden]')).toBeNull();

    const failed = rowOf('expired_executions_purge');
    expect(within(failed).getByText('Error').closest('.pf-m-red')).toBeTruthy();
    expect(within(failed).getByText('The last run failed')).toBeTruthy();
    expect(within(failed).getByText('3.50 s')).toBeTruthy();

    expect(within(ok).queryByText('No run reported for more than three intervals')).toBeNull();
    const silent = rowOf('blueprint_discovery');
    expect(within(silent).getByText('No run reported for more than three intervals')).toBeTruthy();

    const fresh = rowOf('source_key_set_refresh');
    expect(within(fresh).getByText('Unknown')).toBeTruthy();
    expect(within(fresh).getByText('Not run yet')).toBeTruthy();
    expect(within(fresh).getByRole('button', { name: 'Run now: source_key_set_refresh' })).toBeTruthy();
  });

  it('asks for a run, says so in a toast and reloads the list', async () => {
    const user = userEvent.setup();
    const posted: string[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request.url.pathname);
        return json(202, { detail: 'The flows service was asked to run expired_executions_purge.' });
      }
      return json(200, page(TASKS));
    };
    renderWithI18n(<ResourceList resource={systemTaskResource} route={parseHash('#/administration/system_tasks')} />);
    await screen.findByText('expired_executions_purge');
    const lists = () => fakeServer.requests.filter((request) => request.method === 'GET').length;
    const before = lists();
    await user.click(within(rowOf('expired_executions_purge')).getByRole('button', { name: 'Restart task: expired_executions_purge' }));
    expect(await screen.findByText('expired_executions_purge was asked to run. Its result shows up here once it finishes.')).toBeTruthy();
    expect(posted).toEqual(['/api/v3/admin/system_tasks/flows.expired_executions_purge/run']);
    await waitFor(() => expect(lists()).toBeGreaterThan(before));
  });

  it('shows why a run could not be asked for', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => (request.method === 'POST' ? json(404, { detail: 'Not found.' }) : json(200, page(TASKS)));
    renderWithI18n(<ResourceList resource={systemTaskResource} route={parseHash('#/administration/system_tasks')} />);
    await screen.findByText('event_retention_purge');
    await user.click(within(rowOf('event_retention_purge')).getByRole('button', { name: 'Restart task: event_retention_purge' }));
    const toast = await screen.findByText('Not found.');
    expect(toast.closest('.pf-m-danger')).toBeTruthy();
  });

  it('shows the API failure instead of an empty list', async () => {
    fakeServer.reply = () => json(403, { detail: 'You do not have permission to perform this action.' });
    renderWithI18n(<ResourceList resource={systemTaskResource} route={parseHash('#/administration/system_tasks')} />);
    expect(await screen.findByText(/You do not have permission/)).toBeTruthy();
  });

  it('shows one task on its detail page, with the run button and no edit or delete', async () => {
    const user = userEvent.setup();
    let posted = 0;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted += 1;
        return json(202, { detail: 'asked' });
      }
      return json(200, TASKS[1]);
    };
    renderWithI18n(<ResourceDetail resource={systemTaskResource} id="flows.expired_executions_purge" />);
    expect(await screen.findByText('Deletes events whose retention period has passed.')).toBeTruthy();
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/admin/system_tasks/flows.expired_executions_purge');
    expect(screen.queryByRole('tab', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restart task: expired_executions_purge' }));
    await waitFor(() => expect(posted).toBe(1));
  });
});
