import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { ImpersonationBanner } from './impersonation-banner';

const user = (username: string) => ({ pk: 1, username, name: '', email: '', is_superuser: false, attributes: {} });

describe('impersonation banner', () => {
  it('says who is impersonated and by whom; Stop ends it and returns to the admin interface', async () => {
    fakeServer.reply = (request) =>
      request.url.pathname === '/api/v3/core/users/impersonate_end'
        ? new Response(null, { status: 204 })
        : json(200, { user: user('alice'), original: user('akadmin') });
    const navigate = { assign: vi.fn() };
    renderWithI18n(<ImpersonationBanner navigate={navigate} />);
    expect(await screen.findByText(/You are impersonating alice \(signed in as akadmin\)\./)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Stop impersonation' }));
    await waitFor(() => expect(navigate.assign).toHaveBeenCalledWith('/if/admin/'));
  });

  it('stays hidden when nobody is impersonated', async () => {
    fakeServer.reply = () => json(200, { user: user('alice') });
    const { container } = renderWithI18n(<ImpersonationBanner navigate={{ assign: vi.fn() }} />);
    await waitFor(() => expect(fakeServer.requests).toHaveLength(1));
    expect(container.textContent).toBe('');
  });

  it('tells when stopping failed and stays', async () => {
    fakeServer.reply = (request) =>
      request.url.pathname === '/api/v3/core/users/impersonate_end'
        ? json(503, {})
        : json(200, { user: user('alice'), original: user('akadmin') });
    const navigate = { assign: vi.fn() };
    renderWithI18n(<ImpersonationBanner navigate={navigate} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Stop impersonation' }));
    expect(await screen.findByText(/Stopping failed; try again\./)).toBeTruthy();
    expect(navigate.assign).not.toHaveBeenCalled();
  });
});
