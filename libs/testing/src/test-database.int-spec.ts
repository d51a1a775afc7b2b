import pg from 'pg';
import { createTestDatabase, testServerUrl } from './index.js';

async function databasesNamed(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('creates distinct databases, each reachable at its url', async () => {
    const [a, b] = await Promise.all([createTestDatabase('authmesh_probe'), createTestDatabase('authmesh_probe')]);
    try {
      expect(a.name).not.toBe(b.name);
      expect(a.name).toMatch(/^authmesh_probe_[a-z0-9]+_[0-9a-f]{10}$/);
      const client = new pg.Client({ connectionString: a.url });
      await client.connect();
      expect((await client.query('SELECT current_database() AS db')).rows).toEqual([{ db: a.name }]);
      await client.end();
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('drops its database even while a connection is still open, and tolerates a second drop', async () => {
    const db = await createTestDatabase('authmesh_probe');
    const leftOpen = new pg.Client({ connectionString: db.url });
    leftOpen.on('error', () => undefined);
    await leftOpen.connect();
    await db.drop();
    expect(await databasesNamed(db.name)).toBe(0);
    await db.drop();
    await leftOpen.end().catch(() => undefined);
  });

  it('refuses a prefix that is not a plain identifier', async () => {
    await expect(createTestDatabase('bad"; DROP')).rejects.toThrow(/invalid test database prefix/);
  });
});
