import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { BarChart } from './bar-chart';

const hour = 3_600_000;
const series = [
  {
    label: 'Logins',
    color: 'green',
    points: [
      { x_cord: 0, y_cord: 4 },
      { x_cord: 8 * hour, y_cord: 2 },
      { x_cord: 16 * hour, y_cord: 0 },
    ],
  },
  {
    label: 'Failed logins',
    color: 'red',
    points: [
      { x_cord: 0, y_cord: 1 },
      { x_cord: 8 * hour, y_cord: 0 },
      { x_cord: 16 * hour, y_cord: 3 },
    ],
  },
];
const formatX = (ms: number) => `h${ms / hour}`;

describe('bar chart', () => {
  it('draws one bar per bucket and series, as tall as its count relative to the others', () => {
    const { container } = renderWithI18n(<BarChart title="Logins this week" series={series} formatX={formatX} />);
    const bars = [...container.querySelectorAll('svg[role="img"] rect')];
    expect(bars.map((bar) => [bar.getAttribute('data-series'), bar.getAttribute('data-count')])).toEqual([
      ['Logins', '4'],
      ['Failed logins', '1'],
      ['Logins', '2'],
      ['Failed logins', '0'],
      ['Logins', '0'],
      ['Failed logins', '3'],
    ]);
    const height = (index: number) => Number(bars[index].getAttribute('height'));
    expect(height(0)).toBeCloseTo(height(2) * 2);
    expect(height(5)).toBeCloseTo(height(1) * 3);
    expect(height(3)).toBe(0);
    // Bars of later buckets stand further right.
    expect(Number(bars[2].getAttribute('x'))).toBeGreaterThan(Number(bars[1].getAttribute('x')));
  });

  it('names the picture with its totals and offers the numbers as a table', () => {
    renderWithI18n(<BarChart title="Logins this week" series={series} formatX={formatX} />);
    expect(screen.getByRole('img', { name: 'Logins this week: Logins: 6 in total; Failed logins: 4 in total' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Logins this week' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Period', 'Logins', 'Failed logins']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['h0', 'h8', 'h16']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['h0', '4', '1'],
      ['h8', '2', '0'],
      ['h16', '0', '3'],
    ]);
  });

  it('says so when nothing happened in the period', () => {
    renderWithI18n(
      <BarChart title="Quiet" series={[{ label: 'Logins', color: 'green', points: [{ x_cord: 0, y_cord: 0 }] }]} formatX={formatX} />,
    );
    expect(screen.getByText('No events in this period.')).toBeTruthy();
  });
});
