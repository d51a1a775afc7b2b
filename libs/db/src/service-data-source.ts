import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { Logger } from '@authmesh/logger';

export interface ServiceDataSourceOptions {
  url: string;
  /** The PostgreSQL schema this service owns. */
  schema: string;
  // TypeORM's own parameter types, passed through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  logger: Logger;
  poolSize?: number;
}

/** Forwards TypeORM's messages to pino: queries at trace, problems at warn and error. */
class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}
  logQuery(query: string) {
    this.logger.trace({ query }, 'query');
  }
  logQueryError(error: string | Error, query: string) {
    this.logger.warn({ err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn({ ms: time, query }, 'slow query');
  }
  logSchemaBuild(message: string) {
    this.logger.debug(message);
  }
  logMigration(message: string) {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

/** A TypeORM DataSource for one service's schema; it never rewrites the schema itself. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!/^[a-z][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    logger: new PinoTypeOrmLogger(options.logger),
    maxQueryExecutionTime: 1000,
    applicationName: `authmesh-${options.schema}`,
    extra: {
      max: options.poolSize ?? 10,
      statement_timeout: 30_000,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    },
  });
}

/**
 * Creates the service's schema if needed and applies pending migrations, each in its own
 * transaction, under an advisory lock so concurrent starts never migrate twice.
 * Returns the names of the migrations applied.
 */
export async function migrateServiceSchema(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('the data source has no schema');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`authmesh-migrate-${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) logger.info({ schema, migration: migration.name }, 'migration applied');
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`authmesh-migrate-${schema}`]);
    }
  } finally {
    await runner.release();
  }
}

/** Whether the database answers a trivial query within two seconds. */
export async function databaseHealthy(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Details of a PostgreSQL unique violation (SQLSTATE 23505), or null for other errors. */
export function uniqueViolation(error: unknown): { constraint: string; detail: string } | null {
  const driver = (error as { driverError?: { code?: string; constraint?: string; detail?: string } } | null)?.driverError ??
    (error as { code?: string; constraint?: string; detail?: string } | null);
  if (!driver || driver.code !== '23505') return null;
  return { constraint: driver.constraint ?? '', detail: driver.detail ?? '' };
}
