import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, json } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { UserStatistics } from './user-statistics';

const COUNTS: Record<string, number> = {
  'is_active=true': 7,
  'is_active=false': 2,
  'type=internal': 6,
  'type=external': 1,
  'type=service_account': 2,
};

describe('user statistics', () => {
  it('counts users per state and type from the list answers, each linking to the filtered list', async () => {
    fakeServer.reply = (request) => {
      if (request.url.pathname === '/api/v3/core/users') {
        const filter = [...request.url.searchParams].find(([name]) => name !== 'page_size')?.join('=') ?? '';
        return json(200, { pagination: { count: COUNTS[filter] }, results: [] });
      }
      const day = 86_400_000;
      const count = request.url.searchParams.get('action') === 'login_failed' ? 4 : 1;
      return json(200, [
        { x_cord: 0, y_cord: 0 },
        { x_cord: day, y_cord: count },
      ]);
    };
    renderWithI18n(<UserStatistics />);
    expect((await screen.findByRole('link', { name: '7' })).getAttribute('href')).toBe('#/identity/users?is_active=true');
    expect((await screen.findByRole('link', { name: '6' })).getAttribute('href')).toBe('#/identity/users?type=internal');
    expect((await screen.findAllByRole('link', { name: '2' })).map((link) => link.getAttribute('href'))).toEqual([
      '#/identity/users?is_active=false',
      '#/identity/users?type=service_account',
    ]);
    expect(await screen.findByRole('img', { name: 'Failed logins per day in the last month: Failed logins: 4 in total' })).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'Users created per day in the last month: Users created: 1 in total' })).toBeTruthy();
    const created = fakeServer.requests.find(
      (request) => request.url.pathname === '/api/v3/events/events/per_month' && request.url.searchParams.get('action') === 'model_created',
    );
    expect(created?.url.searchParams.get('context_model_name')).toBe('user');
    expect(
      fakeServer.requests
        .filter((request) => request.url.pathname === '/api/v3/core/users')
        .every((r) => r.url.searchParams.get('page_size') === '1'),
    ).toBe(true);
  });
});
