import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceList } from '../kit/resource-list';
import { EventDetail } from './event-detail';
import { eventResource } from './event-resource';

const PK = '0b6f2f3e-8d7c-4b1e-9a51-2f1d8f1c0a11';

const event = (extra: Record<string, unknown> = {}) => ({
  pk: PK,
  action: 'model_created',
  app: 'authmesh.core',
  user: { pk: 1, username: 'akadmin', email: 'root@example.org' },
  context: { model: { app: 'authentik_core', model_name: 'user', pk: 42, name: 'carol' } },
  client_ip: '192.0.2.7',
  brand: { name: 'Default' },
  created: '2026-11-20T10:00:00.000Z',
  expires: '2027-11-20T10:00:00.000Z',
  ...extra,
});

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

afterEach(() => {
  window.location.hash = '';
});

describe('event detail', () => {
  it('shows every field, links the changed object and prints the context as JSON text', async () => {
    fakeServer.reply = () => json(200, event({ context: { ...event().context, note: '<b>hi</b>' } }));
    renderWithI18n(<EventDetail id={PK} />);
    expect(await screen.findByRole('heading', { name: 'Model created' })).toBeTruthy();
    expect(fakeServer.requests[0].url.pathname).toBe(`/api/v3/events/events/${PK}`);
    expect(screen.getByRole('link', { name: 'carol' }).getAttribute('href')).toBe('#/identity/users/42');
    expect(screen.getByRole('link', { name: 'akadmin' }).getAttribute('href')).toBe('#/identity/users/1');
    for (const value of ['192.0.2.7', 'authmesh.core', 'Default', '(root@example.org)']) expect(screen.getByText(value)).toBeTruthy();
    const context = screen.getByText(/"model_name": "user"/);
    expect(context.textContent).toBe(JSON.stringify({ ...event().context, note: '<b>hi</b>' }, null, 2));
    expect(document.querySelector('b')).toBeNull();
  });

  it('gives the reason of a failed login and the name that was tried', async () => {
    fakeServer.reply = () =>
      json(200, event({ action: 'login_failed', user: {}, context: { username: 'mallory', reason: 'invalid password' } }));
    renderWithI18n(<EventDetail id={PK} />);
    expect(await screen.findByText('The login failed: invalid password')).toBeTruthy();
    expect(screen.getByText('Reason').closest('div')?.textContent).toContain('invalid password');
    expect(screen.getByText('Attempted to log in as').closest('div')?.textContent).toContain('mallory');
    expect(screen.queryByText('Object')).toBeNull();
  });

  it('says when the event does not exist', async () => {
    fakeServer.reply = () => json(404, { detail: 'Not found.' });
    renderWithI18n(<EventDetail id={PK} />);
    expect(await screen.findByText('Not found.')).toBeTruthy();
  });
});

describe('event log', () => {
  it('lists events with their action in words and filters by action, user, client IP and dates', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) =>
      request.url.pathname.endsWith('/actions')
        ? json(200, [{ name: 'login' }, { name: 'custom_thing' }])
        : json(200, page([event({ action: 'login_failed', context: {} })]));
    renderWithI18n(
      <ResourceList
        resource={eventResource}
        route={parseHash('#/events/log?action=login&username=ann&client_ip=192.0.2.7&created__gte=2026-11-01&created__lte=2026-11-02')}
      />,
    );
    expect((await screen.findByRole('link', { name: 'Failed login' })).getAttribute('href')).toBe(`#/events/log/${PK}`);
    const query = new URLSearchParams(fakeServer.requests.find((request) => request.url.pathname === '/api/v3/events/events')?.url.search);
    expect([query.get('action'), query.get('username'), query.get('client_ip'), query.get('ordering')]).toEqual([
      'login',
      'ann',
      '192.0.2.7',
      '-created',
    ]);
    // Days are the browser's: the range runs from the first day's start to the last day's end.
    expect(query.get('created__gte')).toBe(new Date('2026-11-01T00:00:00').toISOString());
    expect(query.get('created__lte')).toBe(new Date('2026-11-02T23:59:59.999').toISOString());
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();

    // The action filter offers the recorded actions, known ones in words.
    await waitFor(() => expect(screen.getByRole('option', { name: 'Action: custom_thing' })).toBeTruthy());
    expect(screen.getByRole('option', { name: 'Action: Login' })).toBeTruthy();

    const ip = screen.getByRole('textbox', { name: 'Client IP' });
    await user.clear(ip);
    await user.type(ip, '198.51.100.1{Enter}');
    await waitFor(() => expect(parseHash(window.location.hash).query.get('client_ip')).toBe('198.51.100.1'));
    expect(parseHash(window.location.hash).query.get('username')).toBe('ann');
  });
});
