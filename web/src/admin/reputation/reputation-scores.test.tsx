import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseHash } from '../../shared/router';
import { fakeServer, json, type SeenRequest } from '../../test/fake-server';
import { renderWithI18n } from '../../test/render';
import { customisationArea } from '../areas/customisation';
import { ResourceList } from '../kit/resource-list';
import { reputationScoreResource } from './reputation-scores';

const page = (results: unknown[]) => ({
  pagination: { count: results.length, current: 1, total_pages: 1, start_index: 1, end_index: results.length, next: 0, previous: 0 },
  results,
});

const scores = [
  { pk: '11111111-1111-4111-8111-111111111111', identifier: 'mallory', ip: '', score: -4, updated: '2026-11-29T10:00:00Z' },
  { pk: '22222222-2222-4222-8222-222222222222', identifier: '', ip: '198.51.100.9', score: -7, updated: '2026-11-29T10:01:00Z' },
  { pk: '33333333-3333-4333-8333-333333333333', identifier: '<b>eve</b>', ip: '', score: 3, updated: '2026-11-29T10:02:00Z' },
];

describe('admin reputation scores', () => {
  it('comes after policies in the customisation section', () => {
    const resources = customisationArea.items.map((item) => ('resource' in item ? item.resource.route : ''));
    expect(resources.indexOf('/policy/reputation')).toBe(resources.indexOf('/policy/policies') + 1);
  });

  it('lists identifiers and addresses with their scores, newest first, names as text, and offers no create', async () => {
    fakeServer.reply = () => json(200, page(scores));
    renderWithI18n(<ResourceList resource={reputationScoreResource} route={parseHash('#/policy/reputation')} />);
    expect(await screen.findByText('mallory')).toBeTruthy();
    expect(screen.getByText('198.51.100.9')).toBeTruthy();
    expect(screen.getByText('-7')).toBeTruthy();
    expect(screen.getByText('<b>eve</b>')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    const list = fakeServer.requests.find((r) => r.url.pathname === '/api/v3/policies/reputation/scores');
    expect(list?.url.searchParams.get('ordering')).toBe('-updated');
  });

  it('filters by identifier through the query', async () => {
    fakeServer.reply = () => json(200, page(scores));
    renderWithI18n(<ResourceList resource={reputationScoreResource} route={parseHash('#/policy/reputation?identifier=mallory')} />);
    await screen.findByText('mallory');
    const list = fakeServer.requests.find((r) => r.url.pathname === '/api/v3/policies/reputation/scores');
    expect(list?.url.searchParams.get('identifier')).toBe('mallory');
    expect(screen.getByRole('textbox', { name: 'Identifier' })).toBeTruthy();
  });

  it('resets the selected scores by deleting each of them after asking', async () => {
    const events = userEvent.setup();
    const deleted: string[] = [];
    fakeServer.reply = (request: SeenRequest) => {
      if (request.method === 'DELETE') {
        deleted.push(request.url.pathname);
        return new Response(null, { status: 204 });
      }
      if (request.url.pathname.endsWith('/used_by')) return json(200, []);
      return json(200, page(scores));
    };
    renderWithI18n(<ResourceList resource={reputationScoreResource} route={parseHash('#/policy/reputation')} />);
    await screen.findByText('mallory');
    await events.click(screen.getByRole('checkbox', { name: 'Select row 0' }));
    await events.click(screen.getByRole('checkbox', { name: 'Select row 1' }));
    await events.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/mallory/)).toBeTruthy();
    await events.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(deleted.sort()).toEqual([
        `/api/v3/policies/reputation/scores/${scores[0].pk}`,
        `/api/v3/policies/reputation/scores/${scores[1].pk}`,
      ]),
    );
  });
});
