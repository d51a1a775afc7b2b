import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AdminInterface } from '../admin/admin-interface';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { UserInterface } from '../user/user-interface';
import { I18nProvider } from './i18n/i18n';

const me = (extra: Record<string, unknown> = {}) => ({
  user: { pk: 1, username: 'alice', name: 'Alice A', email: 'a@example.com', is_superuser: false, attributes: {}, ...extra },
});

describe('logged-in shells', () => {
  it('sends a browser without a session to the default authentication flow, coming back here', async () => {
    fakeServer.reply = () => json(401, { detail: 'Authentication credentials were not provided.' });
    const navigate = { assign: vi.fn() };
    renderWithI18n(<UserInterface navigate={navigate} />);
    await waitFor(() => expect(navigate.assign).toHaveBeenCalledWith('/flows/-/default/authentication/?next=%2Fif%2Fuser%2F'));
  });

  it('shows who is logged in and the logout link', async () => {
    fakeServer.reply = () => json(200, me());
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    expect(await screen.findByText('Welcome, Alice A')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log out' }).getAttribute('href')).toBe('/flows/-/default/invalidation/');
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/core/users/me');
  });

  it("speaks the user's own locale setting", async () => {
    fakeServer.reply = () => json(200, me({ attributes: { settings: { locale: 'pl' } } }));
    render(
      <I18nProvider>
        <UserInterface navigate={{ assign: vi.fn() }} />
      </I18nProvider>,
    );
    expect(await screen.findByText('Witaj, Alice A')).toBeTruthy();
  });

  it('keeps the admin interface to superusers', async () => {
    fakeServer.reply = () => json(200, me());
    const first = renderWithI18n(<AdminInterface navigate={{ assign: vi.fn() }} />);
    expect(await screen.findByText('Only administrators can open the admin interface.')).toBeTruthy();
    first.unmount();
    fakeServer.reply = () => json(200, me({ is_superuser: true }));
    renderWithI18n(<AdminInterface navigate={{ assign: vi.fn() }} />);
    expect(await screen.findByRole('navigation', { name: 'Administration navigation' })).toBeTruthy();
    expect(screen.queryByText('Only administrators can open the admin interface.')).toBeNull();
  });

  it('shows a server failure with Retry', async () => {
    let fail = true;
    fakeServer.reply = () => (fail ? json(503, { detail: 'down' }) : json(200, me()));
    renderWithI18n(<UserInterface navigate={{ assign: vi.fn() }} />);
    expect(await screen.findByText('The server had a problem. Try again in a moment.')).toBeTruthy();
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Welcome, Alice A')).toBeTruthy();
  });
});
