import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger } from '@authmesh/logger';
import { testServerUrl } from '@authmesh/testing';
import { createServiceDataSource, databaseHealthy, migrateServiceSchema, uniqueViolation } from './index.js';

function capturingLogger() {
  const lines: Array<{ level: string; msg: string; [key: string]: unknown }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination }), lines };
}

/** Test migrations for a given schema: a table, a column, and optionally one that fails halfway. */
function migrationsFor(schema: string) {
  class CreateThings1700000000000 implements MigrationInterface {
    name = 'CreateThings1700000000000';
    async up(q: QueryRunner) {
      await q.query(`CREATE TABLE "${schema}".things (id serial PRIMARY KEY, name text NOT NULL CONSTRAINT things_name_unique UNIQUE)`);
    }
    async down(q: QueryRunner) {
      await q.query(`DROP TABLE "${schema}".things`);
    }
  }
  class AddColour1700000000001 implements MigrationInterface {
    name = 'AddColour1700000000001';
    async up(q: QueryRunner) {
      await q.query(`ALTER TABLE "${schema}".things ADD COLUMN colour text`);
    }
    async down(q: QueryRunner) {
      await q.query(`ALTER TABLE "${schema}".things DROP COLUMN colour`);
    }
  }
  class BrokenHalfway1700000000002 implements MigrationInterface {
    name = 'BrokenHalfway1700000000002';
    async up(q: QueryRunner) {
      await q.query(`CREATE TABLE "${schema}".half_done (id int)`);
      await q.query('SELECT no_such_function()');
    }
    async down() {}
  }
  return { working: [CreateThings1700000000000, AddColour1700000000001], broken: BrokenHalfway1700000000002 };
}

describe('service data sources', () => {
  const schemas: string[] = [];
  const opened: Array<{ destroy(): Promise<void>; isInitialized: boolean }> = [];
  const quiet = capturingLogger().logger;

  /** A throwaway schema name on the machine's PostgreSQL, dropped after the tests. */
  function throwawaySchema(): string {
    const schema = `authmesh_probe_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return schema;
  }

  async function open(schema: string, options: { broken?: boolean; poolSize?: number; logger?: typeof quiet } = {}) {
    const { working, broken } = migrationsFor(schema);
    const ds = createServiceDataSource({
      url: testServerUrl(),
      schema,
      entities: [],
      migrations: options.broken ? [...working, broken] : working,
      logger: options.logger ?? quiet,
      poolSize: options.poolSize,
    });
    await ds.initialize();
    opened.push(ds);
    return ds;
  }

  afterAll(async () => {
    await Promise.all(opened.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('creates the schema, applies migrations in order, records them in <schema>.migrations, and applies nothing the second time', async () => {
    const schema = throwawaySchema();
    const { logger, lines } = capturingLogger();
    const ds = await open(schema, { logger });
    expect(await migrateServiceSchema(ds, logger)).toEqual(['CreateThings1700000000000', 'AddColour1700000000001']);
    expect(lines.filter((l) => l.msg === 'migration applied').map((l) => l.migration)).toEqual([
      'CreateThings1700000000000',
      'AddColour1700000000001',
    ]);
    expect(await migrateServiceSchema(ds, logger)).toEqual([]);
    const recorded = await ds.query(`SELECT name FROM "${schema}".migrations ORDER BY id`);
    expect(recorded.map((r: { name: string }) => r.name)).toEqual(['CreateThings1700000000000', 'AddColour1700000000001']);
  });

  it('lets two processes migrate the same schema at once, applying each migration once', async () => {
    const schema = throwawaySchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    const results = await Promise.all([migrateServiceSchema(a, quiet), migrateServiceSchema(b, quiet)]);
    expect(results.flat().sort()).toEqual(['AddColour1700000000001', 'CreateThings1700000000000']);
    expect(await a.query(`SELECT count(*)::int AS n FROM "${schema}".migrations`)).toEqual([{ n: 2 }]);
  });

  it('rolls back only the migration that failed and releases the lock', async () => {
    const schema = throwawaySchema();
    const ds = await open(schema, { broken: true });
    await expect(migrateServiceSchema(ds, quiet)).rejects.toThrow(/no_such_function/);
    const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['migrations', 'things']);
    const fixed = await open(schema, { poolSize: 1 });
    expect(await migrateServiceSchema(fixed, quiet)).toEqual([]);
  });

  it('opens connections with a statement timeout and an application name naming the schema', async () => {
    const schema = throwawaySchema();
    const ds = await open(schema);
    const [settings] = await ds.query("SELECT current_setting('statement_timeout') AS timeout, current_setting('application_name') AS app");
    expect(settings).toEqual({ timeout: '30s', app: `authmesh-${schema}` });
  });

  it('names the constraint of a unique violation', async () => {
    const schema = throwawaySchema();
    const ds = await open(schema);
    await migrateServiceSchema(ds, quiet);
    await ds.query(`INSERT INTO "${schema}".things (name) VALUES ('x')`);
    const error = await ds.query(`INSERT INTO "${schema}".things (name) VALUES ('x')`).catch((e: unknown) => e);
    expect(uniqueViolation(error)).toEqual({ constraint: 'things_name_unique', detail: 'Key (name)=(x) already exists.' });
  });

  it('reports health: up, down when no connection answers in time, down once destroyed', async () => {
    const ds = await open(throwawaySchema(), { poolSize: 1 });
    expect(await databaseHealthy(ds)).toBe(true);
    const busy = ds.createQueryRunner();
    await busy.connect();
    const started = Date.now();
    expect(await databaseHealthy(ds, 200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
    await busy.release();
    await ds.destroy();
    expect(await databaseHealthy(ds)).toBe(false);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    for (const schema of ['bad"name', 'Core', '1core', '']) {
      expect(() => createServiceDataSource({ url: testServerUrl(), schema, entities: [], migrations: [], logger: quiet })).toThrow(
        /invalid schema name/,
      );
    }
  });
});
