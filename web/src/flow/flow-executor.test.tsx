import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, json } from '../test/fake-server';
import { renderWithI18n } from '../test/render';
import { FlowExecutor, safeTarget } from './flow-executor';

const INFO = { title: 'Welcome to authmesh!', background: '', cancel_url: '/flows/-/cancel/', layout: 'stacked' };
const identification = {
  type: 'native',
  component: 'ak-stage-identification',
  flow_info: INFO,
  user_fields: ['username', 'email'],
  password_fields: false,
};
const password = { type: 'native', component: 'ak-stage-password', flow_info: INFO, pending_user: 'alice' };

function start(query = 'next=%2Fif%2Fuser%2F') {
  const navigate = { assign: vi.fn() };
  renderWithI18n(<FlowExecutor slug="default-authentication-flow" query={query} navigate={navigate} />);
  return navigate;
}

describe('flow executor', () => {
  it('asks the executor for the challenge with the original query, and focuses the first field', async () => {
    fakeServer.reply = () => json(200, identification);
    start();
    const uid = await screen.findByLabelText(/Username or e-mail/);
    expect(fakeServer.requests[0].method).toBe('GET');
    expect(fakeServer.requests[0].url.pathname).toBe('/api/v3/flows/executor/default-authentication-flow');
    expect(fakeServer.requests[0].url.searchParams.get('query')).toBe('next=%2Fif%2Fuser%2F');
    expect(document.activeElement).toBe(uid);
    expect(screen.getByRole('heading', { name: 'Welcome to authmesh!' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Welcome to authmesh!'));
  });

  it('posts answers as JSON, shows field errors beside the field keeping what was typed, then follows the redirect', async () => {
    const user = userEvent.setup();
    const answers: unknown[] = [];
    fakeServer.reply = (request) => {
      if (request.method === 'GET') return json(200, identification);
      answers.push(request.body);
      const body = request.body as Record<string, string>;
      if (body.uid_field) return json(200, password);
      if (body.password === 'wrong')
        return json(200, { ...password, response_errors: { password: [{ string: 'Invalid password', code: 'invalid' }] } });
      return json(200, { type: 'redirect', component: 'xak-flow-redirect', to: '/if/user/' });
    };
    const navigate = start();
    await user.type(await screen.findByLabelText(/Username or e-mail/), 'alice');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const field = await screen.findByLabelText(/^Password/);
    expect(screen.getByText('Logging in as alice')).toBeTruthy();
    expect(document.activeElement).toBe(field);
    await user.type(field, 'wrong');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Invalid password')).toBeTruthy();
    const again = screen.getByLabelText(/^Password/) as HTMLInputElement;
    expect(again.value).toBe('wrong');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(again.getAttribute('aria-describedby')).toBe('password-helper');
    await user.clear(again);
    await user.type(again, 'right');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(navigate.assign).toHaveBeenCalledWith('/if/user/'));
    expect(answers).toEqual([{ uid_field: 'alice' }, { password: 'wrong' }, { password: 'right' }]);
  });

  it('shows a network failure with a Retry button that asks again, never a blank page', async () => {
    const user = userEvent.setup();
    let down = true;
    fakeServer.reply = () => {
      if (down) throw new TypeError('Failed to fetch');
      return json(200, identification);
    };
    start();
    expect(await screen.findByText('The server cannot be reached. Check your connection.')).toBeTruthy();
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText(/Username or e-mail/)).toBeTruthy();
  });

  it('shows a server error (5xx) with Retry, and a missing flow (404) without it', async () => {
    fakeServer.reply = () => json(502, { detail: 'Upstream service unavailable.' });
    start();
    expect(await screen.findByText('The server had a problem. Try again in a moment.')).toBeTruthy();
    expect(screen.getByText('Upstream service unavailable.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('shows a missing flow as not found, with a way home instead of Retry', async () => {
    fakeServer.reply = () => json(404, { detail: 'Not found.' });
    start();
    expect(await screen.findByText('This page does not exist.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the start' }).getAttribute('href')).toBe('/');
  });

  it('says so when a stage has no renderer in this version', async () => {
    fakeServer.reply = () => json(200, { type: 'native', component: 'ak-stage-from-the-future', flow_info: INFO });
    start();
    expect(await screen.findByText('This step cannot be shown by this version of the interface.')).toBeTruthy();
  });

  it('shows access denied with its message', async () => {
    fakeServer.reply = () =>
      json(200, {
        type: 'native',
        component: 'ak-stage-access-denied',
        flow_info: INFO,
        error_message: 'Too many failed attempts. Start again.',
      });
    start();
    expect(await screen.findByText('Too many failed attempts. Start again.')).toBeTruthy();
    expect(screen.getByText('Access denied')).toBeTruthy();
  });

  it('shows the flow in the browser language, and the picker switches it', async () => {
    const user = userEvent.setup();
    fakeServer.reply = () => json(200, identification);
    renderWithI18n(<FlowExecutor slug="f" query="" navigate={{ assign: vi.fn() }} />, 'de');
    expect(await screen.findByRole('button', { name: 'Anmelden' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Sprache'), 'tr');
    expect(await screen.findByRole('button', { name: 'Giriş yap' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('tr');
    expect(window.localStorage.getItem('authmesh.locale')).toBe('tr');
  });
});

describe('redirect targets', () => {
  it('keeps local paths and http(s) URLs, and refuses other schemes and protocol-relative URLs', () => {
    expect(safeTarget('/if/user/')).toBe('/if/user/');
    expect(safeTarget('https://app.example.com/cb?code=1')).toBe('https://app.example.com/cb?code=1');
    expect(safeTarget('javascript:alert(1)')).toBe('/');
    expect(safeTarget('data:text/html,hi')).toBe('/');
    expect(safeTarget('//evil.example.com/')).toBe('/');
  });
});
