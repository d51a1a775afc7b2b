import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminInterface } from '../../admin/admin-interface';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { UserInterface } from '../../user/user-interface';
import { relativeTime } from './relative-time';
import { REFRESH_INTERVAL_MS } from './use-notifications';

const me = (extra: Record<string, unknown> = {}) => ({
  user: { pk: 1, username: 'alice', name: 'Alice A', email: 'a@example.com', is_superuser: false, attributes: {}, ...extra },
});

const page = (results: unknown[], count = results.length) => ({
  pagination: { count, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const EVENT = '77777777-7777-4777-8777-777777777777';
const notification = (pk: string, extra: Record<string, unknown> = {}) => ({
  pk,
  severity: 'notice',
  body: `Body of ${pk}`,
  created: new Date(Date.now() - 5 * 60_000).toISOString(),
  event: null,
  seen: false,
  ...extra,
});

const NOTIFICATIONS = '/api/v3/events/notifications';

/** Answers the session, the notifications (through `notifications`) and anything else as an empty list. */
function serve(notifications: (request: SeenRequest) => Response, user = me()) {
  fakeServer.reply = (request) => {
    if (request.url.pathname === '/api/v3/core/users/me') return json(200, user);
    if (request.url.pathname.startsWith(NOTIFICATIONS)) return notifications(request);
    return json(200, page([]));
  };
}

const listRequests = () => fakeServer.requests.filter((r) => r.method === 'GET' && r.url.pathname === NOTIFICATIONS);

afterEach(() => {
  window.location.hash = '';
  vi.useRealTimers();
});

describe('notification drawer', () => {
  it('counts unread notifications on the bell and lists them, markup in bodies shown as text', async () => {
    const user = userEvent.setup();
    serve(() =>
      json(
        200,
        page(
          [
            notification('n1', { severity: 'alert', body: '<img src=x onerror=alert(1)><b>Login failed</b>' }),
            notification('n2', { severity: 'warning' }),
          ],
          3,
        ),
      ),
    );
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    const asked = listRequests()[0].url.searchParams;
    expect([asked.get('seen'), asked.get('ordering')]).toEqual(['false', '-created']);

    await user.click(bell);
    const list = await screen.findByRole('list', { name: 'Unread notifications' });
    expect(within(list).getByText('<img src=x onerror=alert(1)><b>Login failed</b>')).toBeTruthy();
    expect(list.querySelector('img, b')).toBeNull();
    expect(within(list).getAllByText('5 minutes ago')).toHaveLength(2);
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(expect.arrayContaining([expect.stringContaining('Alert'), expect.stringContaining('Warning')]));
    expect(screen.getByText('3 unread')).toBeTruthy();
    // Opening asks again, so the drawer shows what is new now.
    expect(listRequests()).toHaveLength(2);
  });

  it('marks one notification as read', async () => {
    const user = userEvent.setup();
    const patched: { path: string; body: unknown }[] = [];
    serve((request) => {
      if (request.method === 'PATCH') {
        patched.push({ path: request.url.pathname, body: request.body });
        return json(200, notification('n1', { seen: true }));
      }
      return json(200, page([notification('n1', { body: 'First' }), notification('n2', { body: 'Second' })]));
    });
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await screen.findByText('First');
    await user.click(screen.getAllByRole('button', { name: 'Mark as read' })[0]);
    await waitFor(() => expect(screen.queryByText('First')).toBeNull());
    expect(patched).toEqual([{ path: `${NOTIFICATIONS}/n1`, body: { seen: true } }]);
    expect(screen.getByText('Second')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
  });

  it('clears all notifications and then shows the empty state', async () => {
    const user = userEvent.setup();
    let cleared = false;
    serve((request) => {
      if (request.method === 'POST' && request.url.pathname === `${NOTIFICATIONS}/mark_all_seen`) {
        cleared = true;
        return new Response(null, { status: 204 });
      }
      return json(200, page(cleared ? [] : [notification('n1'), notification('n2')]));
    });
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await screen.findByRole('list', { name: 'Unread notifications' });
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(await screen.findByText('No unread notifications')).toBeTruthy();
    expect(cleared).toBe(true);
    const bell = screen.getByRole('button', { name: 'Notifications, 0 unread' });
    // The disabled "Clear all" cannot hold the focus; the drawer keeps it, so Escape still closes it.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Clear all' }).contains(document.activeElement)).toBe(false));
    expect(document.activeElement?.closest('[aria-label="Notifications"]')).not.toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByText('No unread notifications')).toBeNull());
    expect(document.activeElement).toBe(bell);
  });

  it('says so when marking as read fails, and keeps the notification', async () => {
    const user = userEvent.setup();
    serve((request) =>
      request.method === 'PATCH' ? json(500, { detail: 'boom' }) : json(200, page([notification('n1', { body: 'Kept' })])),
    );
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(await screen.findByRole('button', { name: 'Mark as read' }));
    expect(await screen.findByText('The notifications could not be updated. Try again.')).toBeTruthy();
    expect(screen.getByText('Kept')).toBeTruthy();
  });

  it('shows a failure inside the drawer with Retry and leaves the page working', async () => {
    const user = userEvent.setup();
    let fail = true;
    serve(() => (fail ? json(503, { detail: 'down' }) : json(200, page([notification('n1', { body: 'Back again' })]))));
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    expect(await screen.findByText('Welcome, Alice A')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('The notifications could not be loaded.')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Back again')).toBeTruthy();
    expect(screen.queryByText('The notifications could not be loaded.')).toBeNull();
    expect(screen.getByText('Welcome, Alice A')).toBeTruthy();
  });

  it('shows an unreachable server as a network failure', async () => {
    const user = userEvent.setup();
    serve(() => {
      throw new TypeError('Failed to fetch');
    });
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('The server cannot be reached. Check your connection.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('closes on Escape and gives the focus back to the bell', async () => {
    const user = userEvent.setup();
    serve(() => json(200, page([notification('n1', { body: 'Something' })])));
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(bell);
    await screen.findByText('Something');
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByText('Something')).toBeNull());
    expect(document.activeElement).toBe(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('false');
  });

  it('links a notification to its event for superusers in the admin, and not for other users', async () => {
    const user = userEvent.setup();
    serve(
      () =>
        json(
          200,
          page([
            notification('n1', {
              event: {
                pk: EVENT,
                action: 'login_failed',
                app: 'flows',
                brand: {},
                client_ip: null,
                context: {},
                created: '',
                expires: '',
                user: {},
              },
            }),
          ]),
        ),
      me({ is_superuser: true }),
    );
    window.location.hash = '#/events/rules';
    const admin = renderWithI18n(<AdminInterface navigate={{ assign: vi.fn() }} />);
    // The whole admin interface renders first, which takes a while on a busy machine.
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }, { timeout: 5000 }));
    expect((await screen.findByRole('link', { name: 'Show the event' })).getAttribute('href')).toBe(`#/events/log/${EVENT}`);
    admin.unmount();

    serve(() =>
      json(
        200,
        page([
          notification('n1', {
            body: 'Mine',
            event: {
              pk: EVENT,
              action: 'login',
              app: 'flows',
              brand: {},
              client_ip: null,
              context: {},
              created: '',
              expires: '',
              user: {},
            },
          }),
        ]),
      ),
    );
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await screen.findByText('Mine');
    expect(screen.queryByRole('link', { name: 'Show the event' })).toBeNull();
  });

  it('asks again every minute while the page is visible, and not while it is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    serve(() => json(200, page([notification('n1')])));
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(listRequests()).toHaveLength(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(REFRESH_INTERVAL_MS);
    });
    expect(listRequests()).toHaveLength(2);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(REFRESH_INTERVAL_MS);
    });
    expect(listRequests()).toHaveLength(2);
    visibility.mockReturnValue('visible');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(listRequests()).toHaveLength(3));
    visibility.mockRestore();
  });
});

describe('relative time', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('says how long ago an instant was, in the locale', () => {
    expect(relativeTime('2026-11-29T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-11-27T12:00:00Z', 'en', now)).toBe('2 days ago');
    expect(relativeTime('2026-11-29T12:00:00Z', 'en', now)).toBe('now');
    expect(relativeTime('2026-11-29T11:00:00Z', 'de', now)).toBe('vor 1 Stunde');
  });
  it('keeps text it cannot read as a date', () => {
    expect(relativeTime('soon', 'en', now)).toBe('soon');
  });
});
