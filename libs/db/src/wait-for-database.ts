import pg from 'pg';
import type { Logger } from '@authmesh/logger';

/** PostgreSQL did not answer in time, or refused our credentials. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly address: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`PostgreSQL at ${address} is not available: ${reason}`, options);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface WaitForDatabaseOptions {
  timeoutSeconds: number;
  logger: Logger;
}

/** SQLSTATEs that waiting cannot fix: wrong password or a role that may not log in. */
const PERMANENT_CODES = new Set(['28P01', '28000']);

/** `host:port` of a connection URL, for messages that must never carry the password. */
export function databaseAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return '(unparsable database URL)';
  }
}

/**
 * Connects to PostgreSQL, retrying with backoff until it answers or `timeoutSeconds`
 * pass; throws DatabaseUnavailableError then, or at once when the credentials are refused.
 */
export async function waitForDatabase(url: string, options: WaitForDatabaseOptions): Promise<void> {
  const { logger } = options;
  const address = databaseAddress(url);
  // Checked up front, and reported without the parser's error: that one carries the URL,
  // password and all.
  if (!URL.canParse(url)) throw new DatabaseUnavailableError(address, 'the database URL is not a valid URL');
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  for (let attempt = 1; ; attempt++) {
    const error = await tryConnect(url, Math.max(deadline - Date.now(), 1000));
    if (!error) {
      if (attempt > 1) logger.info({ address, attempt }, `PostgreSQL at ${address} is reachable`);
      return;
    }
    const cause = error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && PERMANENT_CODES.has(code)) throw new DatabaseUnavailableError(address, error.message, { cause });
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new DatabaseUnavailableError(address, `gave up after ${attempt} attempts in ${options.timeoutSeconds}s (${error.message})`, {
        cause,
      });
    }
    logger.warn({ address, attempt, reason: error.message }, `waiting for PostgreSQL at ${address} (attempt ${attempt})`);
    await sleep(Math.min(backoffMs(attempt), remaining));
  }
}

/** 250 ms doubling per attempt, capped at 5 s. */
function backoffMs(attempt: number): number {
  return Math.min(250 * 2 ** (attempt - 1), 5000);
}

async function tryConnect(url: string, timeoutMs: number): Promise<Error | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.min(timeoutMs, 5000) });
  // A connection lost after the attempt is of no interest; without a listener it would crash us.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error as Error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
