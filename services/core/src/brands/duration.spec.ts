import { durationMs } from './duration.js';

describe('durationMs', () => {
  it('adds up the parts', () => {
    expect(durationMs('days=365')).toBe(365 * 86_400_000);
    expect(durationMs('hours=1;minutes=30')).toBe(90 * 60_000);
    expect(durationMs('weeks=1;seconds=1.5')).toBe(604_800_000 + 1500);
  });

  it('ignores what it cannot read', () => {
    expect(durationMs('forever')).toBe(0);
    expect(durationMs('days=x;hours=2')).toBe(7_200_000);
  });
});
