import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Logger } from '@authmesh/logger';
import { TypeOrmPinoLogger } from './typeorm-pino-logger.js';

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

export interface ServiceDataSourceOptions {
  url: string;
  /** The PostgreSQL schema this service owns; lower-case letters, digits and underscores. */
  schema: string;
  entities: NonNullable<PostgresOptions['entities']>;
  /** Migration classes in the order they were written. */
  migrations: NonNullable<PostgresOptions['migrations']>;
  logger: Logger;
  /** Connections in the pool; 10 by default. */
  poolSize?: number;
}

/** Longest a statement may run on a service connection before PostgreSQL cancels it. */
export const STATEMENT_TIMEOUT_MS = 30_000;

/** Whether `schema` is a name we accept for a service schema (it is interpolated into DDL). */
export function isValidSchemaName(schema: string): boolean {
  return /^[a-z][a-z0-9_]{0,62}$/.test(schema);
}

/**
 * A TypeORM DataSource for one service's schema, not yet initialised. It never changes
 * the schema by itself (no synchronize, no automatic migrations): see migrateServiceSchema.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!isValidSchemaName(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
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
    logger: new TypeOrmPinoLogger(options.logger.child({ schema: options.schema })),
    maxQueryExecutionTime: 1000,
    applicationName: `authmesh-${options.schema}`,
    poolSize: options.poolSize ?? 10,
    // Passed to node-postgres: statement_timeout is sent when each connection opens.
    extra: {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    },
  });
}

/** Whether the database answers `SELECT 1` within `timeoutMs` (2 s by default). */
export async function databaseHealthy(dataSource: DataSource, timeoutMs = 2000): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([dataSource.query('SELECT 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
