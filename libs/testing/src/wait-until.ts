/** Polls `predicate` until it returns a truthy value or the timeout passes. */
export async function waitUntil<T>(
  predicate: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const value = await predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() >= deadline) throw new Error(`timed out waiting: ${options.message ?? 'condition not met'}`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 25));
  }
}
