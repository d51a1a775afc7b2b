import { Writable } from 'node:stream';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { createServiceDataSource, databaseHealthy, migrateServiceSchema, uniqueViolation } from './service-data-source';
import { DatabaseUnavailableError, waitForDatabase } from './wait-for-database';

const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

class CreateThings1700000000000 implements MigrationInterface {
  name = 'CreateThings1700000000000';
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE probe.things (id serial PRIMARY KEY, name text NOT NULL CONSTRAINT things_name_unique UNIQUE)');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE probe.things');
  }
}

describe('service data sources', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('authmesh_db');
  });
  afterAll(() => db.drop());

  const open = async () => {
    const ds = createServiceDataSource({ url: db.url, schema: 'probe', entities: [], migrations: [CreateThings1700000000000], logger });
    await ds.initialize();
    return ds;
  };

  it('creates the schema, applies migrations once and records them in the schema', async () => {
    const ds = await open();
    expect(await migrateServiceSchema(ds, logger)).toEqual(['CreateThings1700000000000']);
    expect(await migrateServiceSchema(ds, logger)).toEqual([]);
    const rows = await ds.query(`SELECT name FROM probe.migrations`);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['CreateThings1700000000000']);
    await ds.destroy();
  });

  it('lets two processes migrate at once without failing', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.query('DROP SCHEMA probe CASCADE');
    const results = await Promise.all([migrateServiceSchema(a, logger), migrateServiceSchema(b, logger)]);
    expect(results.flat()).toEqual(['CreateThings1700000000000']);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('describes unique violations by constraint', async () => {
    const ds = await open();
    await ds.query(`INSERT INTO probe.things (name) VALUES ('x')`);
    const error = await ds.query(`INSERT INTO probe.things (name) VALUES ('x')`).catch((e: unknown) => e);
    expect(uniqueViolation(error)).toMatchObject({ constraint: 'things_name_unique' });
    expect(uniqueViolation(new Error('other'))).toBeNull();
    await ds.destroy();
  });

  it('reports health and refuses a schema name that is not an identifier', async () => {
    const ds = await open();
    expect(await databaseHealthy(ds)).toBe(true);
    await ds.destroy();
    expect(await databaseHealthy(ds)).toBe(false);
    expect(() => createServiceDataSource({ url: db.url, schema: 'bad"name', entities: [], migrations: [], logger })).toThrow(/invalid schema/);
  });

  it('gives up waiting for an unreachable database with a clear error', async () => {
    const started = Date.now();
    const error = await waitForDatabase('postgres://u:secret@127.0.0.1:1/x', { timeoutSeconds: 1, logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toContain('127.0.0.1:1/x');
    expect((error as Error).message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
