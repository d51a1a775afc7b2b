import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, freePort, type TestDatabase } from '@authmesh/testing';
import { apiClient, readinessBecomes, startOnFreePorts, waitReady, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'outage-bootstrap-token-0123456789abcdef';
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/**
 * NATS going away while authmesh runs: readiness turns false, writes still succeed (their
 * events wait in core's outbox), and everything recovers when NATS is back.
 */
describe('a NATS outage while running', () => {
  let db: TestDatabase;
  let dir: string;
  let natsPort: number;
  let nats: ChildProcess | undefined;
  let proc: AuthmeshProcess;

  const startNats = async () => {
    nats = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', join(dir, 'nats')], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`http://127.0.0.1:${natsPort}`).catch((e: { cause?: { code?: string } }) => {
          if (e.cause?.code === 'ECONNREFUSED') throw e;
        });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const stopNats = () =>
    new Promise<void>((resolve) =>
      nats && nats.exitCode === null ? (nats.once('exit', () => resolve()), nats.kill('SIGKILL')) : resolve(),
    );

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_outage');
    dir = mkdtempSync(join(tmpdir(), 'authmesh-outage-'));
    chmodSync(dir, 0o755);
    natsPort = await freePort();
    await startNats();
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        NATS_URL: `nats://127.0.0.1:${natsPort}`,
        AUTHMESH_SECRET_KEY: 'outage-e2e-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
  });

  afterAll(async () => {
    await proc?.stop();
    await stopNats();
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('turns unready, keeps serving writes, and delivers their events after recovery', async () => {
    const api = apiClient(proc.baseUrl, TOKEN);
    await stopNats();
    expect(await readinessBecomes(proc.baseUrl, 503)).toBe(503);

    const started = Date.now();
    const created = await api('POST', '/api/v3/core/users/', { username: 'during-outage' });
    expect(created.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(3000);

    await startNats();
    await waitReady(proc, 30_000);
    let found;
    for (let i = 0; i < 150 && !found; i++) {
      const events = await api('GET', '/api/v3/events/events/?action=model_created&context_model_name=user');
      found = events.body?.results?.find((e: any) => e.context.model.name === 'during-outage');
      if (!found) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBeDefined();
  });
});
