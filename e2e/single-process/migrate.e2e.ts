import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { runAuthmesh } from '../support/authmesh-process';

describe('authmesh migrate', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('authmesh_migrate');
    dir = mkdtempSync(join(tmpdir(), 'authmesh-migrate-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('creates one schema per service, then has nothing left to apply', async () => {
    const env = { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: 'migrate-e2e-secret-key-long-enough-012345' };
    const first = runAuthmesh(['migrate'], env, dir);
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('migrations applied');
    const second = runAuthmesh(['migrate'], env, dir);
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain('migrations applied');

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema IN ('core', 'events') ORDER BY 1`,
    );
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['core.users', 'core.groups', 'core.tokens', 'core.migrations', 'events.events', 'events.migrations']),
    );
  });

  it('refuses an unknown --target', async () => {
    const bad = runAuthmesh(['migrate', '--target', 'nonsense'], { DATABASE_URL: db.url }, dir);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('unknown --target nonsense');
  });
});
