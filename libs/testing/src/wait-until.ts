export interface WaitUntilOptions {
  /** How long to keep trying; 10 s by default. */
  timeoutMs?: number;
  /** Pause between attempts; 25 ms by default. */
  intervalMs?: number;
  /** What was awaited, for the timeout error. */
  message?: string;
}

/**
 * Calls `predicate` until it returns a truthy value, which is returned, or the timeout
 * passes. A predicate that throws is retried; its last error is named in the timeout.
 */
export async function waitUntil<T>(predicate: () => T | Promise<T>, options: WaitUntilOptions = {}): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.message ?? 'a condition'}${why}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
