import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '@authmesh/logger';
import { freePort, testServerUrl } from '@authmesh/testing';
import { DatabaseUnavailableError, waitForDatabase } from './wait-for-database.js';

function capturingLogger() {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), messages: () => raw.map((l) => JSON.parse(l).msg as string), raw };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

describe('waitForDatabase', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  afterAll(() => {
    sockets.forEach((s) => s.destroy());
    servers.forEach((s) => s.close());
  });

  it('returns at once when PostgreSQL answers', async () => {
    const { logger, messages } = capturingLogger();
    await waitForDatabase(testServerUrl(), { timeoutSeconds: 5, logger });
    expect(messages()).toEqual([]);
  });

  it('retries an unreachable port, then throws DatabaseUnavailableError within the timeout, never showing the password', async () => {
    const port = await freePort();
    const { logger, messages, raw } = capturingLogger();
    const started = Date.now();
    const error = await waitForDatabase(`postgres://authmesh:hunter2-secret@127.0.0.1:${port}/authmesh`, {
      timeoutSeconds: 1,
      logger,
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(
      new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${port} is not available: gave up after \\d+ attempts`),
    );
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(6000);
    expect(messages()).toContain(`waiting for PostgreSQL at 127.0.0.1:${port} (attempt 1)`);
    expect(messages()).toContain(`waiting for PostgreSQL at 127.0.0.1:${port} (attempt 2)`);
    expect([...raw, (error as Error).message].join('\n')).not.toContain('hunter2');
  });

  it('gives up on a server that accepts connections but never answers', async () => {
    const port = await freePort();
    const silent = createServer((socket) => sockets.push(socket));
    servers.push(silent);
    await listen(silent, port);
    const started = Date.now();
    const error = await waitForDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, {
      timeoutSeconds: 1,
      logger: capturingLogger().logger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('succeeds once PostgreSQL becomes reachable', async () => {
    const port = await freePort();
    const target = new URL(testServerUrl());
    // A forwarder to the real server that starts listening only after a while.
    const forwarder = createServer((socket) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.push(socket, upstream);
      socket.pipe(upstream).pipe(socket);
    });
    servers.push(forwarder);
    setTimeout(() => void listen(forwarder, port), 700);
    const url = new URL(testServerUrl());
    url.port = String(port);
    const { logger, messages } = capturingLogger();
    await waitForDatabase(url.toString(), { timeoutSeconds: 10, logger });
    expect(messages()).toContain(`waiting for PostgreSQL at 127.0.0.1:${port} (attempt 1)`);
    expect(messages()).toContain(`PostgreSQL at 127.0.0.1:${port} is reachable`);
  });

  it('refuses a URL it cannot parse without echoing it', async () => {
    const error = await waitForDatabase('postgres://u:hunter2@[broken/db', { timeoutSeconds: 5, logger: capturingLogger().logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(String(error)).not.toContain('hunter2');
  });
});
