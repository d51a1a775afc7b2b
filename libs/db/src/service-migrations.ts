import { createHash } from 'node:crypto';
import { MigrationExecutor, type DataSource, type QueryRunner } from 'typeorm';
import type { Logger } from '@authmesh/logger';
import { isValidSchemaName } from './service-data-source.js';

/** The advisory lock key guarding one schema's migrations, the same in every process. */
export function migrationLockKey(schema: string): bigint {
  return createHash('sha256').update(`authmesh:migrate:${schema}`).digest().readBigInt64BE(0);
}

/**
 * Creates the service's schema when missing and applies pending migrations, each in its
 * own transaction. A PostgreSQL advisory lock makes processes that start together
 * migrate one after the other. Returns the names of the migrations applied.
 */
export async function migrateServiceSchema(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema || !isValidSchemaName(schema)) throw new Error(`the data source has no valid schema: ${String(schema)}`);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Migrations may legitimately run longer than the statement timeout of service queries.
    await runner.query('SET statement_timeout = 0');
    await lockMigrations(runner, schema, logger);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      // Given our runner, the executor works on the connection that holds the lock.
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      for (const migration of applied) logger.info({ schema, migration: migration.name }, 'migration applied');
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [migrationLockKey(schema).toString()]);
    }
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

async function lockMigrations(runner: QueryRunner, schema: string, logger: Logger): Promise<void> {
  const key = migrationLockKey(schema).toString();
  const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key])) as [{ locked: boolean }];
  if (locked) return;
  logger.info({ schema }, 'another process is migrating this schema; waiting for it');
  await runner.query('SELECT pg_advisory_lock($1::bigint)', [key]);
}

/**
 * A service's `migrate` step: opens the service's data source on `databaseUrl`, applies its
 * pending migrations (see migrateServiceSchema) and closes it again.
 */
export function schemaMigrator(service: string, createDataSource: (url: string, logger: Logger) => DataSource) {
  return async ({ databaseUrl, logger }: { databaseUrl: string; logger: Logger }): Promise<string[]> => {
    const serviceLogger = logger.child({ service });
    const dataSource = createDataSource(databaseUrl, serviceLogger);
    await dataSource.initialize();
    try {
      return await migrateServiceSchema(dataSource, serviceLogger);
    } finally {
      await dataSource.destroy();
    }
  };
}
