import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@authmesh/logger';
import { freePort, waitUntil } from '@authmesh/testing';
import { Subjects } from './bus.js';
import { connectNatsBus, type BusConnectionState, type NatsBus } from './nats.bus.js';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** A nats-server of this test's own, so it can be stopped and restarted without disturbing anyone. */
class PrivateNatsServer {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(storeDir: string): Promise<void> {
    const child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', storeDir], { stdio: 'ignore' });
    this.child = child;
    await waitUntil(() => child.exitCode === null && accepts(this.port), { message: 'nats-server to listen', timeoutMs: 15_000 });
  }

  /** Kills the server the hard way, as a crash would. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('NatsBus through a NATS outage', () => {
  let server: PrivateNatsServer;
  let bus: NatsBus;
  const dirs: string[] = [];
  const states: BusConnectionState[] = [];
  const received: unknown[] = [];

  const storeDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authmesh-bus-nats-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    server = new PrivateNatsServer(await freePort());
    await server.start(await storeDir());
    bus = await connectNatsBus({ url: server.url, logger, name: 'outage-test', onStatusChange: (s) => void states.push(s) });
    await bus.consumeDurable('outage-test', Subjects.eventCreated, (m) => void received.push(m.data));
  });

  afterAll(async () => {
    await bus?.close();
    await server?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('is unhealthy while the server is down, refuses durable publishing, and resumes consuming when it is back', async () => {
    await bus.publishDurable(Subjects.eventCreated, 'before');
    await waitUntil(() => received.includes('before'));
    const dir = dirs[0];

    await server.stop();
    await waitUntil(() => !bus.isHealthy(), { message: 'the bus to notice the outage' });
    expect(states).toEqual(['disconnected']);
    await expect(bus.publishDurable(Subjects.eventCreated, 'during')).rejects.toThrow(/could not store/);

    await server.start(dir);
    await waitUntil(() => bus.isHealthy(), { message: 'the bus to reconnect', timeoutMs: 20_000 });
    expect(states).toEqual(['disconnected', 'connected']);
    await bus.publishDurable(Subjects.eventCreated, 'after');
    await waitUntil(() => received.includes('after'));
    expect(received).toEqual(['before', 'after']);
  });

  it('recreates the stream and its consumer when the server comes back with an empty store', async () => {
    await server.stop();
    await waitUntil(() => !bus.isHealthy(), { message: 'the bus to notice the outage' });
    await server.start(await storeDir());
    await waitUntil(() => bus.isHealthy(), { message: 'the bus to reconnect', timeoutMs: 20_000 });

    // The stream comes back shortly after the reconnect; the id makes retried publishes count once.
    await waitUntil(() => bus.publishDurable(Subjects.eventCreated, 'after wipe', { id: 'after-wipe' }).then(() => true), {
      message: 'the stream to be recreated',
    });
    await waitUntil(() => received.includes('after wipe'), { message: 'the consumer to be recreated', timeoutMs: 30_000 });
    expect(received).toEqual(['before', 'after', 'after wipe']);
  });

  it('reports closed and stops being healthy once closed', async () => {
    await bus.close();
    expect(bus.isHealthy()).toBe(false);
    expect(states.at(-1)).toBe('closed');
  });
});
