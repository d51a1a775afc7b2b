import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one test run. */
export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** Ends every connection to the database and drops it; safe to call twice. */
  drop(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** URL of the PostgreSQL server tests create databases on: TEST_DATABASE_URL or local trust auth. */
export function testServerUrl(): string {
  // Test-only setting, read here rather than through @authmesh/config on purpose: it is
  // not part of authmesh's configuration.
  return process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;
}

/**
 * Creates a uniquely named database (prefix, timestamp, random suffix) on the test
 * server, so parallel test runs and files never share tables.
 */
export async function createTestDatabase(prefix = 'authmesh_test'): Promise<TestDatabase> {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(prefix)) throw new Error(`invalid test database prefix: ${prefix}`);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      // FORCE ends the connections a test left open, which would otherwise block the drop.
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

async function onServer(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
