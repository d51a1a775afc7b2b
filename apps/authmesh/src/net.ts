import type { Logger } from '@authmesh/logger';

/** Splits `host:port` (IPv6 hosts in brackets) into its parts. */
export function splitHostPort(address: string): [string, number] {
  const index = address.lastIndexOf(':');
  const host = address.slice(0, index).replace(/^\[(.*)\]$/, '$1');
  return [host, Number(address.slice(index + 1))];
}

/**
 * Retries `attempt` with backoff for up to `seconds`, logging a line per failure, so a
 * dependency that starts a little after authmesh does not fail the start.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: { seconds: number; logger: Logger; what: string; enabled?: boolean },
): Promise<T> {
  if (options.enabled === false) return attempt();
  const deadline = Date.now() + options.seconds * 1000;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      options.logger.warn({ attempt: n, err: (error as Error).message }, `waiting for ${options.what}`);
      await new Promise((r) => setTimeout(r, Math.min(500 * n, 3000)));
    }
  }
}
