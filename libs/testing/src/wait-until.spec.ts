import { waitUntil } from './wait-until.js';

describe('waitUntil', () => {
  it('returns the first truthy value', async () => {
    let calls = 0;
    expect(await waitUntil(() => (++calls >= 3 ? `after ${calls}` : null), { intervalMs: 1 })).toBe('after 3');
  });

  it('retries a predicate that throws and names its last error on timeout', async () => {
    await expect(
      waitUntil(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 50, intervalMs: 5, message: 'the widget' },
      ),
    ).rejects.toThrow('timed out after 50 ms waiting for the widget (last error: not yet)');
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    await expect(waitUntil(() => false, { timeoutMs: 100, intervalMs: 10 })).rejects.toThrow(/timed out after 100 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });
});
