import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@authmesh/testing';
import { apiClient, readinessBecomes, startOnFreePorts, waitReady, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'dbout-bootstrap-token-0123456789abcdef';

/** Starts a PostgreSQL this test can stop and start again (same data, same port). */
function startDatabase(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'support', 'embedded-pg.mjs'), dir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, url: JSON.parse(chunk.toString()).url }));
    child.once('exit', (code) => reject(new Error(`database helper exited with ${code}`)));
  });
}

const stopDatabase = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

/**
 * PostgreSQL going away while authmesh runs: readiness turns false, requests fail with a
 * clean JSON 5xx, and everything works again once the database is back.
 */
describe('a database outage while running', () => {
  let dir: string;
  let pgPort: number;
  let database: { child: ChildProcess; url: string };
  let proc: AuthmeshProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-dbout-'));
    chmodSync(dir, 0o755);
    pgPort = await freePort();
    database = await startDatabase(join(dir, 'pg'), pgPort);
    proc = await startOnFreePorts(
      {
        DATABASE_URL: database.url,
        AUTHMESH_SECRET_KEY: 'dbout-e2e-secret-key-long-enough-0123456789',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      },
      dir,
    );
  });

  afterAll(async () => {
    await proc?.stop();
    await stopDatabase(database.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns unready, fails requests cleanly, and recovers when the database returns', async () => {
    const api = apiClient(proc.baseUrl, TOKEN);
    expect((await api('GET', '/api/v3/core/users/me/')).status).toBe(200);

    await stopDatabase(database.child);
    expect(await readinessBecomes(proc.baseUrl, 503)).toBe(503);
    const during = await fetch(`${proc.baseUrl}/api/v3/core/users/`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(during.status).toBeGreaterThanOrEqual(500);
    expect(await during.json()).toEqual({ detail: expect.any(String) });
    expect(proc.child.exitCode).toBeNull();

    database = await startDatabase(join(dir, 'pg'), pgPort);
    await waitReady(proc, 30_000);
    expect((await api('POST', '/api/v3/core/users/', { username: 'after-outage' })).status).toBe(201);
  });
});
