import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { ResourceDetail } from '../kit/resource-detail';
import { ResourceList } from '../kit/resource-list';
import { groupResource } from './groups';
import { tokenResource } from './tokens';
import { EmailRecoveryLinkButton, ImpersonateButton, RecoveryLinkButton } from './user-actions';
import { userResource } from './users';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const user = (pk: number, extra: Record<string, unknown> = {}) => ({
  pk,
  uuid: `00000000-0000-4000-8000-00000000000${pk}`,
  username: `user${pk}`,
  name: `User ${pk}`,
  email: '',
  is_active: true,
  is_superuser: false,
  type: 'internal',
  path: 'users',
  attributes: {},
  last_login: null,
  groups: [],
  groups_obj: [],
  ...extra,
});

const group = (pk: string, extra: Record<string, unknown> = {}) => ({
  pk,
  name: `Group ${pk}`,
  is_superuser: false,
  parent: null,
  parent_name: null,
  attributes: {},
  users: [],
  users_obj: [],
  ...extra,
});

afterEach(() => {
  window.location.hash = '';
});

describe('admin users', () => {
  it('lists users with their type in words; type and path filters go into the address and the query', async () => {
    const events = userEvent.setup();
    fakeServer.reply = (request) =>
      request.url.pathname === '/api/v3/core/users/paths'
        ? json(200, { paths: ['users', 'users/staff'] })
        : json(200, page([user(1, { type: 'service_account' })]));
    renderWithI18n(<ResourceList resource={userResource} route={parseHash('#/identity/users?is_active=false')} />);
    expect(await screen.findByText('Service account')).toBeTruthy();
    const list = fakeServer.requests.find((r) => r.url.pathname === '/api/v3/core/users');
    expect(list?.url.searchParams.get('is_active')).toBe('false');
    await events.selectOptions(screen.getByRole('combobox', { name: 'User type' }), 'external');
    let route = parseHash(window.location.hash);
    expect([route.query.get('type'), route.query.get('is_active')]).toEqual(['external', 'false']);
    await screen.findByRole('option', { name: 'Path: users/staff' });
    await events.selectOptions(screen.getByRole('combobox', { name: 'Path' }), 'users/staff');
    route = parseHash(window.location.hash);
    expect(route.query.get('path_startswith')).toBe('users/staff');
  });

  it('refuses attributes that are not JSON beside the field, and shows the API’s username error beside its field', async () => {
    const events = userEvent.setup();
    const posted: unknown[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request.body);
        return json(400, { username: ['A user with that username already exists.'] });
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={userResource} route={parseHash('#/identity/users')} />);
    await events.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await events.type(within(dialog).getByRole('textbox', { name: /^Username/ }), 'ann');
    const attributes = within(dialog).getByRole('textbox', { name: /^Attributes/ });
    await events.clear(attributes);
    await events.type(attributes, '{{not json');
    await events.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('This is not valid JSON.')).toBeTruthy();
    expect(posted).toHaveLength(0);
    await events.clear(attributes);
    await events.type(attributes, '{{"team": "ops"}');
    await events.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('A user with that username already exists.')).toBeTruthy();
    expect(posted[0]).toMatchObject({ username: 'ann', type: 'internal', is_active: true, path: 'users', attributes: { team: 'ops' } });
  });

  it('creates a service account and shows its app password once, copyable', async () => {
    const events = userEvent.setup();
    let posted: unknown;
    fakeServer.reply = (request) => {
      if (request.method === 'POST' && request.url.pathname === '/api/v3/core/users/service_account') {
        posted = request.body;
        return json(200, { username: 'backup-bot', token: 'secret-app-password', user_uid: 'u', user_pk: 9 });
      }
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={userResource} route={parseHash('#/identity/users')} />);
    await events.click(await screen.findByRole('button', { name: 'Create Service account' }));
    const dialog = await screen.findByRole('dialog');
    await events.type(within(dialog).getByRole('textbox', { name: /^Username/ }), 'backup-bot');
    await events.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByDisplayValue('secret-app-password')).toBeTruthy();
    expect(posted).toEqual({ name: 'backup-bot', create_group: false, expiring: true });
  });

  it('sets a password, showing the API’s refusal beside the field', async () => {
    const events = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return posted.length === 1
          ? json(400, { password: ['Ensure this field has no more than 1024 characters.'] })
          : new Response(null, { status: 204 });
      }
      return json(200, user(4));
    };
    renderWithI18n(<ResourceDetail resource={userResource} id="4" />);
    await events.click(await screen.findByRole('button', { name: 'Set password' }));
    const dialog = await screen.findByRole('dialog');
    await events.type(within(dialog).getByLabelText(/^New password/), 'x');
    await events.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('Ensure this field has no more than 1024 characters.')).toBeTruthy();
    await events.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('The password was changed.')).toBeTruthy();
    expect(posted[0].url.pathname).toBe('/api/v3/core/users/4/set_password');
    expect(posted[1].body).toEqual({ password: 'x' });
  });

  it('impersonates with a reason, then opens the user interface', async () => {
    const events = userEvent.setup();
    const posted: SeenRequest[] = [];
    const navigate = { assign: vi.fn() };
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return posted.length === 1
          ? json(400, { user: ['Superusers cannot impersonate themselves.'] })
          : new Response(null, { status: 204 });
      }
      return json(200, user(5));
    };
    renderWithI18n(<ImpersonateButton user={user(5)} navigate={navigate} />);
    await events.click(screen.getByRole('button', { name: 'Impersonate' }));
    const dialog = await screen.findByRole('dialog');
    await events.type(within(dialog).getByLabelText(/^Reason/), 'ticket 42');
    await events.click(within(dialog).getByRole('button', { name: 'Impersonate' }));
    expect(await within(dialog).findByText(/Superusers cannot impersonate themselves/)).toBeTruthy();
    expect(navigate.assign).not.toHaveBeenCalled();
    await events.click(within(dialog).getByRole('button', { name: 'Impersonate' }));
    await waitFor(() => expect(navigate.assign).toHaveBeenCalledWith('/if/user/'));
    expect(posted[1].url.pathname).toBe('/api/v3/core/users/5/impersonate');
    expect(posted[1].body).toEqual({ reason: 'ticket 42' });
  });

  it('offers no impersonation of an inactive user', () => {
    renderWithI18n(<ImpersonateButton user={user(6, { is_active: false })} />);
    expect(screen.queryByRole('button', { name: 'Impersonate' })).toBeNull();
  });

  it('deactivates a user only after asking', async () => {
    const events = userEvent.setup();
    const patched: unknown[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        patched.push(request.body);
        return json(200, user(4, { is_active: false }));
      }
      return json(200, user(4, { is_active: patched.length === 0 }));
    };
    renderWithI18n(<ResourceDetail resource={userResource} id="4" />);
    await events.click(await screen.findByRole('button', { name: 'Deactivate' }));
    expect(patched).toHaveLength(0);
    const dialog = await screen.findByRole('dialog');
    await events.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(patched).toEqual([{ is_active: false }]));
    expect(await screen.findByText('This user is deactivated and cannot log in.')).toBeTruthy();
  });

  it('warns before adding a user to a superuser group, then adds and removes memberships', async () => {
    const events = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return new Response(null, { status: 204 });
      }
      if (request.url.pathname === '/api/v3/core/groups')
        return json(200, page([group('g-admins', { name: 'admins', is_superuser: true }), group('g-ops', { name: 'ops' })]));
      return json(200, user(4, { groups: ['g-ops'], groups_obj: [group('g-ops', { name: 'ops' })] }));
    };
    renderWithI18n(<ResourceDetail resource={userResource} id="4" />);
    await events.click(await screen.findByRole('tab', { name: 'Groups' }));
    await screen.findByRole('option', { name: 'admins' });
    expect(screen.queryByRole('option', { name: 'ops' })).toBeNull();
    await events.selectOptions(screen.getByRole('combobox', { name: 'Add to group' }), 'g-admins');
    expect(screen.getByText('This group has superuser rights: joining it makes the user a superuser.')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: 'Add' }));
    await events.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect([posted[0].url.pathname, posted[0].body]).toEqual(['/api/v3/core/groups/g-admins/add_user', { pk: 4 }]);
    expect([posted[1].url.pathname, posted[1].body]).toEqual(['/api/v3/core/groups/g-ops/remove_user', { pk: 4 }]);
  });

  it('lists only this user’s sessions and MFA devices, and deletes a device', async () => {
    const events = userEvent.setup();
    const deleted: string[] = [];
    fakeServer.reply = (request) => {
      const path = request.url.pathname;
      if (request.method === 'DELETE') {
        deleted.push(path);
        return new Response(null, { status: 204 });
      }
      if (path === '/api/v3/core/authenticated_sessions')
        return json(
          200,
          page([
            {
              uuid: 's1',
              user: 4,
              last_ip: '192.0.2.7',
              last_user_agent: 'Firefox',
              last_used: '2026-01-01T00:00:00Z',
              expires: '2026-01-02T00:00:00Z',
              current: false,
            },
          ]),
        );
      if (path === '/api/v3/authenticators/admin/totp')
        return json(
          200,
          page(
            deleted.length
              ? []
              : [
                  {
                    pk: 'd1',
                    name: 'Phone',
                    type: 'totp',
                    verbose_name: 'TOTP Device',
                    confirmed: true,
                    created: '2026-01-01T00:00:00Z',
                    last_used: null,
                    user: 4,
                  },
                ],
          ),
        );
      if (path.startsWith('/api/v3/authenticators/admin/')) return json(200, page([]));
      if (path.endsWith('/used_by')) return json(404, {});
      return json(200, user(4));
    };
    renderWithI18n(<ResourceDetail resource={userResource} id="4" />);
    await events.click(await screen.findByRole('tab', { name: 'Sessions' }));
    expect(await screen.findByText('192.0.2.7')).toBeTruthy();
    const sessions = fakeServer.requests.find((r) => r.url.pathname === '/api/v3/core/authenticated_sessions');
    expect(sessions?.url.searchParams.get('user')).toBe('4');
    // The user's own actions aside, nothing offers to create a session.
    const creates = screen.queryAllByRole('button', { name: /^Create/ }).map((button) => button.textContent);
    expect(creates).toEqual(['Create recovery link']);
    await events.click(screen.getByRole('tab', { name: 'MFA devices' }));
    expect(await screen.findByText('Phone')).toBeTruthy();
    const devices = fakeServer.requests.filter((r) => r.url.pathname.startsWith('/api/v3/authenticators/admin/'));
    expect(devices.map((r) => r.url.searchParams.get('user'))).toEqual(['4', '4', '4', '4', '4']);
    await events.click(within(screen.getByRole('grid', { name: 'MFA devices' })).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    await events.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toEqual(['/api/v3/authenticators/admin/totp/d1']));
    expect(await screen.findByText('This user has no MFA devices.')).toBeTruthy();
  });
});

describe('admin groups', () => {
  it('finds users by search and adds them to the group', async () => {
    const events = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return new Response(null, { status: 204 });
      }
      if (request.url.pathname === '/api/v3/core/users') return json(200, page([user(1), user(2)]));
      return json(200, group('g1', { users: [1], users_obj: [{ pk: 1, username: 'user1', name: 'User 1', email: '', is_active: true }] }));
    };
    renderWithI18n(<ResourceDetail resource={groupResource} id="g1" />);
    await events.click(await screen.findByRole('tab', { name: 'Users' }));
    await events.type(screen.getByRole('textbox', { name: 'Find users to add' }), 'user{Enter}');
    const found = await screen.findByRole('grid', { name: 'Users to add' });
    expect(within(found).queryByText('user1')).toBeNull();
    await events.click(within(found).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(posted.map((r) => [r.url.pathname, r.body])).toEqual([['/api/v3/core/groups/g1/add_user', { pk: 2 }]]));
    expect(fakeServer.requests.find((r) => r.url.pathname === '/api/v3/core/users')?.url.searchParams.get('search')).toBe('user');
  });
});

describe('admin tokens', () => {
  it('shows a token’s key in a copyable field when asked, and says so when the API refuses', async () => {
    const events = userEvent.setup();
    let allowed = true;
    fakeServer.reply = (request) => {
      if (request.url.pathname.endsWith('/view_key'))
        return allowed ? json(200, { key: 'the-secret-key' }) : json(403, { detail: 'You do not have permission.' });
      return json(200, {
        pk: 't',
        identifier: 'ci-token',
        intent: 'api',
        user: 1,
        user_obj: { pk: 1, username: 'akadmin' },
        description: '',
        expiring: false,
        expires: null,
        managed: null,
      });
    };
    renderWithI18n(<ResourceDetail resource={tokenResource} id="ci-token" />);
    expect(screen.queryByDisplayValue('the-secret-key')).toBeNull();
    await events.click(await screen.findByRole('button', { name: 'View the key of ci-token' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByDisplayValue('the-secret-key')).toBeTruthy();
    expect(fakeServer.requests.some((r) => r.url.pathname === '/api/v3/core/tokens/ci-token/view_key')).toBe(true);
    await events.click(within(dialog).getByRole('button', { name: 'Close' }));
    allowed = false;
    await events.click(screen.getByRole('button', { name: 'View the key of ci-token' }));
    expect(await screen.findByText('You do not have permission.')).toBeTruthy();
    expect(screen.queryByDisplayValue('the-secret-key')).toBeNull();
  });

  it('sends the picked user as a pk and an expiry typed in local time as an instant with an offset', async () => {
    const events = userEvent.setup();
    let posted: Record<string, unknown> | undefined;
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted = request.body as Record<string, unknown>;
        return json(400, { identifier: ['Token with this identifier already exists.'] });
      }
      if (request.url.pathname === '/api/v3/core/users') return json(200, page([user(3)]));
      return json(200, page([]));
    };
    renderWithI18n(<ResourceList resource={tokenResource} route={parseHash('#/core/tokens')} />);
    await events.click(await screen.findByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    await events.type(within(dialog).getByRole('textbox', { name: /^Identifier/ }), 'ci');
    await within(dialog).findByRole('option', { name: 'user3' });
    await events.selectOptions(within(dialog).getByRole('combobox', { name: /^User/ }), 'user3');
    const expires = within(dialog).getByLabelText(/^Expires on/);
    await events.type(expires, '2030-05-01T12:30');
    await events.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Token with this identifier already exists.')).toBeTruthy();
    expect(posted?.expires).toBe(new Date('2030-05-01T12:30').toISOString());
    expect(posted).toMatchObject({ identifier: 'ci', intent: 'api', expiring: true, user: 3 });
  });
});

describe('admin recovery links', () => {
  it('creates a recovery link and shows it once, copyable', async () => {
    const events = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      posted.push(request);
      return json(200, { link: 'https://id.example.com/if/flow/recover/?flow_token=one-time-key' });
    };
    renderWithI18n(<RecoveryLinkButton user={user(7)} />);
    await events.click(screen.getByRole('button', { name: 'Create recovery link' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByDisplayValue('https://id.example.com/if/flow/recover/?flow_token=one-time-key')).toBeTruthy();
    expect(within(dialog).getByText(/shown only this once/)).toBeTruthy();
    expect(posted.map((r) => [r.method, r.url.pathname])).toEqual([['POST', '/api/v3/core/users/7/recovery']]);
    const closers = within(dialog).getAllByRole('button', { name: 'Close' });
    await events.click(closers[closers.length - 1]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says so when no recovery flow is configured', async () => {
    const events = userEvent.setup();
    fakeServer.reply = () => json(404, { detail: 'No recovery flow is configured.' });
    renderWithI18n(<RecoveryLinkButton user={user(7)} />);
    await events.click(screen.getByRole('button', { name: 'Create recovery link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No recovery flow is configured.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('e-mails a link through the picked e-mail stage, and shows the API’s refusal', async () => {
    const events = userEvent.setup();
    const posted: SeenRequest[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        posted.push(request);
        return posted.length === 1
          ? json(400, { non_field_errors: ['The e-mail could not be sent. Try again in a moment.'] })
          : new Response(null, { status: 204 });
      }
      return json(200, page([{ pk: '44444444-4444-4444-8444-444444444444', name: 'recovery-mail' }]));
    };
    renderWithI18n(<EmailRecoveryLinkButton user={user(8, { email: 'u8@example.com' })} />);
    await events.click(screen.getByRole('button', { name: 'Email recovery link' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: 'recovery-mail' });
    await events.selectOptions(within(dialog).getByRole('combobox', { name: /^Email stage/ }), 'recovery-mail');
    await events.click(within(dialog).getByRole('button', { name: 'Send link' }));
    expect(await within(dialog).findByText(/The e-mail could not be sent/)).toBeTruthy();
    await events.click(within(dialog).getByRole('button', { name: 'Send link' }));
    expect(await within(dialog).findByText('A recovery link was sent to u8@example.com.')).toBeTruthy();
    expect(posted[1].url.pathname).toBe('/api/v3/core/users/8/recovery_email');
    expect(posted[1].body).toEqual({ email_stage: '44444444-4444-4444-8444-444444444444' });
  });

  it('explains that a user without an address cannot be e-mailed, and offers no links for inactive users', async () => {
    const events = userEvent.setup();
    fakeServer.reply = () => json(200, page([]));
    const { unmount } = renderWithI18n(<EmailRecoveryLinkButton user={user(9)} />);
    await events.click(screen.getByRole('button', { name: 'Email recovery link' }));
    expect(await screen.findByText(/has no email address/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send link' })).toBeNull();
    unmount();
    renderWithI18n(
      <>
        <RecoveryLinkButton user={user(10, { is_active: false })} />
        <EmailRecoveryLinkButton user={user(10, { is_active: false, email: 'x@example.com' })} />
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Create recovery link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Email recovery link' })).toBeNull();
  });
});
