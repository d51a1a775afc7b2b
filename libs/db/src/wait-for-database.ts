import pg from 'pg';
import type { Logger } from '@authmesh/logger';

export class DatabaseUnavailableError extends Error {
  constructor(where: string, cause: string) {
    super(`PostgreSQL at ${where} is not reachable: ${cause}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** host:port/database of a URL, without credentials, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Retries connecting until PostgreSQL answers or `timeoutSeconds` pass. */
export async function waitForDatabase(url: string, options: { timeoutSeconds: number; logger: Logger }): Promise<void> {
  const where = describeDatabaseUrl(url);
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      if (attempt > 1) options.logger.info({ database: where }, 'PostgreSQL is reachable');
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const message = (error as Error).message;
      if (Date.now() >= deadline) throw new DatabaseUnavailableError(where, message);
      options.logger.warn({ database: where, attempt, err: message }, `waiting for PostgreSQL at ${where}`);
      await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** Math.min(attempt, 4), 3000)));
    }
  }
}
