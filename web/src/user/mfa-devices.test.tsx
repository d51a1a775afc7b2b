import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { MfaDevices, type Device } from './mfa-devices';

const device = (pk: string, type: Device['type'], name: string, extra: Partial<Device> = {}): Device => ({
  pk,
  type,
  name,
  confirmed: true,
  created: '2026-01-01T00:00:00Z',
  last_used: null,
  ...extra,
});

describe('MFA devices', () => {
  it('lists confirmed devices only', async () => {
    fakeServer.reply = () =>
      json(200, {
        results: [
          device('1', 'totp', 'Phone app'),
          device('2', 'static', 'Paper codes'),
          device('3', 'totp', 'Half set up', { confirmed: false }),
        ],
      });
    renderWithI18n(<MfaDevices />);
    expect(await screen.findByText('Phone app')).toBeTruthy();
    expect(screen.getByText('Paper codes')).toBeTruthy();
    expect(screen.queryByText('Half set up')).toBeNull();
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/authenticators/all');
  });

  it('renames a device through its type endpoint with the CSRF token, and shows a refusal beside the name', async () => {
    const user = userEvent.setup();
    document.cookie = 'authmesh_csrf=csrf-123';
    let name = 'Phone app';
    fakeServer.reply = (request) => {
      if (request.method === 'PATCH') {
        const body = request.body as { name: string };
        if (!body.name.trim()) return json(400, { name: ['This field may not be blank.'] });
        name = body.name;
        return json(200, device('1', 'totp', name));
      }
      return json(200, { results: [device('1', 'totp', name)] });
    };
    try {
      renderWithI18n(<MfaDevices />);
      await user.click(await screen.findByRole('button', { name: 'Rename Phone app' }));
      const input = screen.getByLabelText('New name');
      await user.clear(input);
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('This field may not be blank.')).toBeTruthy();
      await user.type(input, 'Work phone');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('Work phone')).toBeTruthy();
    } finally {
      document.cookie = 'authmesh_csrf=; max-age=0';
    }
    const patch = fakeServer.requests.filter((r) => r.method === 'PATCH');
    expect(patch.map((r) => r.url.pathname)).toEqual(['/api/v3/authenticators/totp/1', '/api/v3/authenticators/totp/1']);
    expect(patch[1].body).toEqual({ name: 'Work phone' });
    expect(patch.map((r) => r.headers.get('x-csrftoken'))).toEqual(['csrf-123', 'csrf-123']);
    expect(fakeServer.requests[0].headers.get('x-csrftoken')).toBeNull();
  });

  it('deletes a device after confirmation', async () => {
    const user = userEvent.setup();
    let gone = false;
    fakeServer.reply = (request) => {
      if (request.method === 'DELETE') {
        gone = true;
        return new Response(null, { status: 204 });
      }
      return json(200, { results: gone ? [] : [device('2', 'static', 'Paper codes')] });
    };
    renderWithI18n(<MfaDevices />);
    await user.click(await screen.findByRole('button', { name: 'Delete Paper codes' }));
    const row = screen.getByText('Delete Paper codes for good?').closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('You have no second factor set up.')).toBeTruthy();
    await waitFor(() =>
      expect(fakeServer.requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/v3/authenticators/static/2')).toBe(true),
    );
  });

  it('deletes a security key through the WebAuthn endpoint', async () => {
    const user = userEvent.setup();
    let gone = false;
    fakeServer.reply = (request) => {
      if (request.method === 'DELETE') {
        gone = true;
        return new Response(null, { status: 204 });
      }
      return json(200, { results: gone ? [] : [device('7', 'webauthn', 'Yubikey')] });
    };
    renderWithI18n(<MfaDevices />);
    await user.click(await screen.findByRole('button', { name: 'Delete Yubikey' }));
    const row = screen.getByText('Delete Yubikey for good?').closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('You have no second factor set up.')).toBeTruthy();
    expect(fakeServer.requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/v3/authenticators/webauthn/7')).toBe(true);
  });
});
