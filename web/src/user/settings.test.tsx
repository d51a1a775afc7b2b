import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me } from '../shared/session';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { Sessions } from './sessions';
import { Settings } from './settings';
import { Tokens } from './tokens';

const alice = { pk: 7, username: 'alice', name: 'Alice', email: '', is_superuser: false, attributes: {} } as unknown as Me;
const list = (results: unknown[]) => json(200, { pagination: { count: results.length }, results });

const token = (identifier: string, extra: Record<string, unknown> = {}) => ({
  pk: identifier,
  identifier,
  intent: 'api',
  user: 7,
  description: '',
  expiring: false,
  expires: null,
  ...extra,
});

afterEach(() => {
  document.cookie = 'authmesh_csrf=; max-age=0';
});

describe('tokens and app passwords', () => {
  it('lists only the user’s own API tokens and app passwords', async () => {
    fakeServer.reply = () =>
      list([
        token('mine'),
        token('mail', { intent: 'app_password' }),
        token('flow-made', { intent: 'recovery' }),
        token('theirs', { user: 8 }),
      ]);
    renderWithI18n(<Tokens user={alice} />);
    expect(await screen.findByText('mine')).toBeTruthy();
    expect(screen.getByText('mail')).toBeTruthy();
    expect(screen.getByText('App password')).toBeTruthy();
    expect(screen.queryByText('flow-made')).toBeNull();
    expect(screen.queryByText('theirs')).toBeNull();
  });

  it('creates an app password, shows field errors beside the field, then shows the key once', async () => {
    const user = userEvent.setup();
    document.cookie = 'authmesh_csrf=csrf-abc';
    const tokens: unknown[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'POST') {
        const body = request.body as { identifier: string };
        if (body.identifier.includes(' ')) return json(400, { identifier: ['Enter a valid identifier.'] });
        tokens.push(token(body.identifier, { intent: 'app_password' }));
        return json(201, tokens[0]);
      }
      if (request.url.pathname.endsWith('/view_key')) return json(200, { key: 'the-secret-key-123' });
      return list(tokens);
    };
    renderWithI18n(<Tokens user={alice} />);
    await user.click(await screen.findByRole('button', { name: 'Create App password' }));
    const form = screen.getByRole('form', { name: 'Create App password' });
    await user.type(within(form).getByLabelText(/Identifier/), 'mail client');
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Enter a valid identifier.')).toBeTruthy();
    const input = within(form).getByLabelText(/Identifier/);
    await user.clear(input);
    await user.type(input, 'mail-client');
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('mail-client was created')).toBeTruthy();
    expect((screen.getByLabelText('Key') as HTMLInputElement).value).toBe('the-secret-key-123');
    const posts = fakeServer.requests.filter((r) => r.method === 'POST');
    expect(posts[1].body).toEqual({ identifier: 'mail-client', intent: 'app_password', description: '', expiring: false });
    expect(posts[1].headers.get('x-csrftoken')).toBe('csrf-abc');
    expect(fakeServer.requests.some((r) => r.url.pathname === '/api/v3/core/tokens/mail-client/view_key')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Done, hide the key' }));
    expect(screen.queryByText('the-secret-key-123')).toBeNull();
    expect(screen.queryByLabelText('Key')).toBeNull();
    expect(await screen.findByRole('cell', { name: 'mail-client' })).toBeTruthy();
  });

  it('deletes a token after confirmation', async () => {
    const user = userEvent.setup();
    let gone = false;
    fakeServer.reply = (request) => {
      if (request.method === 'DELETE') {
        gone = true;
        return new Response(null, { status: 204 });
      }
      return list(gone ? [] : [token('old')]);
    };
    renderWithI18n(<Tokens user={alice} />);
    await user.click(await screen.findByRole('button', { name: 'Delete old' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('You have no tokens or app passwords.')).toBeTruthy();
    expect(fakeServer.requests.find((r) => r.method === 'DELETE')?.url.pathname).toBe('/api/v3/core/tokens/old');
  });
});

describe('sessions', () => {
  const session = (uuid: string, current: boolean, agent: string) => ({
    uuid,
    current,
    user: 7,
    last_ip: '192.0.2.1',
    last_user_agent: agent,
    last_used: '2026-01-01T10:00:00Z',
    expires: '2026-01-02T10:00:00Z',
    created: '2026-01-01T09:00:00Z',
  });

  it('marks the current session, which cannot be ended here, and ends another one', async () => {
    const user = userEvent.setup();
    let ended = false;
    fakeServer.reply = (request) => {
      if (request.method === 'DELETE') {
        ended = true;
        return new Response(null, { status: 204 });
      }
      return list([
        session('11111111-1111-4111-8111-111111111111', true, 'Firefox'),
        ...(ended ? [] : [session('22222222-2222-4222-8222-222222222222', false, 'Safari')]),
      ]);
    };
    renderWithI18n(<Sessions user={alice} />);
    const current = (await screen.findByText('This browser')).closest('tr') as HTMLElement;
    expect(within(current).queryByRole('button')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'End the session of Safari (192.0.2.1)' }));
    expect(screen.getByText('Log this browser out?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('Safari')).toBeNull());
    expect(fakeServer.requests.find((r) => r.method === 'DELETE')?.url.pathname).toBe(
      '/api/v3/core/authenticated_sessions/22222222-2222-4222-8222-222222222222',
    );
  });
});

describe('settings tabs', () => {
  it('offers the password-change flow and the authenticators to enroll, coming back to the tab', async () => {
    const user = userEvent.setup();
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/stages/all/user_settings')
        return json(200, [
          { object_uid: 'a', component: 'ak-user-settings-password', title: 'Change password', configure_url: '/if/flow/pw-change/' },
          {
            object_uid: 'b',
            component: 'ak-user-settings-authenticator-totp',
            title: 'Authenticator app',
            configure_url: '/if/flow/totp/',
          },
        ]);
      return list([]);
    };
    const password = renderWithI18n(<Settings user={alice} tab="password" />);
    const link = await screen.findByRole('link', { name: 'Change password' });
    expect(link.getAttribute('href')).toBe(`/if/flow/pw-change/?next=${encodeURIComponent('/if/user/#/settings/password')}`);
    password.unmount();
    renderWithI18n(<Settings user={alice} tab="mfa" />);
    await user.click(await screen.findByRole('button', { name: 'Enroll' }));
    const item = await screen.findByRole('menuitem', { name: 'Authenticator app' });
    expect(item.getAttribute('href') ?? item.closest('a')?.getAttribute('href')).toBe(
      `/if/flow/totp/?next=${encodeURIComponent('/if/user/#/settings/mfa')}`,
    );
    expect(screen.queryByRole('menuitem', { name: 'Change password' })).toBeNull();
  });

  it('shows an honest empty state for connected services', async () => {
    fakeServer.reply = () => list([]);
    renderWithI18n(<Settings user={alice} tab="sources" />);
    expect(await screen.findByText('No connected services')).toBeTruthy();
  });
});
