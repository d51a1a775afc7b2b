import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, json } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { Overview } from './overview';

const system = (problems: string[]) => ({
  version: '0.1.0',
  started: '2026-11-20T08:00:00Z',
  server_time: '2026-11-20T10:00:00Z',
  runtime: { node_version: 'v20.20.2', platform: 'linux', uptime_seconds: 7260, memory_rss_bytes: 200 * 1_048_576 },
  database: { embedded: false, ready: true },
  bus: { kind: 'nats', ready: true },
  services: [
    { name: 'core', location: 'local', ready: true },
    { name: 'saml', location: 'absent', ready: false },
  ],
  problems,
});

const empty = Array.from({ length: 3 }, (_, i) => ({ x_cord: i * 8 * 3_600_000, y_cord: 0 }));

function serve(problems: string[], failMetrics = false, failingTasks = 0) {
  fakeServer.reply = (request) => {
    switch (request.url.pathname) {
      case '/api/v3/admin/system':
        return json(200, system(problems));
      case '/api/v3/admin/version':
        return json(200, { version_current: '0.1.0', version_latest: null, outdated: null });
      case '/api/v3/admin/metrics':
        return failMetrics
          ? json(500, { detail: 'boom' })
          : json(200, {
              logins: [...empty.slice(0, 2), { x_cord: 16 * 3_600_000, y_cord: 3 }],
              logins_failed: empty,
              authorizations: empty,
            });
      case '/api/v3/events/events':
        return json(200, {
          pagination: { count: 1, current: 1, total_pages: 1, start_index: 1, end_index: 1 },
          results: [
            {
              pk: 'e1',
              action: 'login',
              app: 'flows',
              user: { pk: 1, username: 'akadmin' },
              context: {},
              client_ip: '127.0.0.1',
              brand: {},
              created: '2026-11-20T09:59:00Z',
              expires: '2027-11-20T09:59:00Z',
            },
          ],
        });
      case '/api/v3/admin/system_tasks':
        return json(200, {
          pagination: { count: failingTasks, current: 1, total_pages: 1, start_index: 1, end_index: 1 },
          results: [],
        });
      case '/api/v3/events/events/top_per_user':
        return json(200, [{ application: { pk: 'a1', name: 'Wiki', slug: 'wiki' }, counted_events: 12, unique_users: 4 }]);
      default:
        return json(404, { detail: 'Not found.' });
    }
  };
}

describe('admin overview', () => {
  it('shows a healthy system, the runtime, honest empty outposts and the latest events', async () => {
    serve([]);
    renderWithI18n(<Overview />);
    expect(await screen.findByText('Healthy')).toBeTruthy();
    expect(screen.getByText('Whether a newer version exists is not known: this installation does not look it up.')).toBeTruthy();
    expect(screen.getByText('No outposts configured')).toBeTruthy();
    expect(screen.getByText(/no background workers yet/)).toBeTruthy();
    expect(screen.getByText('Node.js v20.20.2 (linux)')).toBeTruthy();
    expect(screen.getByText('in this process, ready')).toBeTruthy();
    expect(screen.getByText('not running')).toBeTruthy();

    const recent = await screen.findByRole('grid', { name: 'Recent events' });
    expect(within(recent).getByRole('link', { name: 'Login' }).getAttribute('href')).toBe('#/events/log/e1');
    const top = await screen.findByRole('grid', { name: 'Apps with most usage' });
    expect(within(top).getByRole('link', { name: 'Wiki' }).getAttribute('href')).toBe('#/core/applications/wiki');
    expect(within(top).getByText('12')).toBeTruthy();

    expect(
      await screen.findByRole('img', {
        name: 'Logins and failed logins over the last week (per 8 hours): Logins: 3 in total; Failed logins: 0 in total',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create a new application' }).getAttribute('href')).toBe('#/core/applications');
    const top10 = fakeServer.requests.find((request) => request.url.pathname === '/api/v3/events/events/top_per_user');
    expect([top10?.url.searchParams.get('action'), top10?.url.searchParams.get('top_n')]).toEqual(['authorize_application', '10']);
  });

  it('lists the problems the system reports, and a failing card does not hide the others', async () => {
    serve(['the database is not reachable', 'service saml is not ready'], true);
    renderWithI18n(<Overview />);
    const problems = await screen.findByRole('list', { name: 'Problems found' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['the database is not reachable', 'service saml is not ready']);
    expect((await screen.findAllByText('boom')).length).toBe(2);
    expect(await screen.findByRole('grid', { name: 'Recent events' })).toBeTruthy();
  });

  it('counts the system tasks whose last run failed and links to their page', async () => {
    serve([], false, 2);
    renderWithI18n(<Overview />);
    const failing = await screen.findByText('Failing: 2');
    expect(failing.closest('a')?.getAttribute('href')).toBe('#/administration/system_tasks');
    const asked = fakeServer.requests.find((request) => request.url.pathname === '/api/v3/admin/system_tasks');
    expect(asked?.url.searchParams.get('status')).toBe('error');
  });
});
