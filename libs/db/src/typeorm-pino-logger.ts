import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '@authmesh/logger';

/** SQLSTATE of a unique violation: expected, and turned into a 400 by the services. */
const UNIQUE_VIOLATION = '23505';

/**
 * Forwards TypeORM's messages to pino: SQL at trace, failed and slow queries at warn,
 * migrations at info. Query parameters are never logged, as they carry secrets and
 * personal data.
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    this.logger.trace({ query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    const message = typeof error === 'string' ? error : error.message;
    if (code === UNIQUE_VIOLATION) this.logger.debug({ query, code, reason: message }, 'query failed');
    else this.logger.warn({ query, code, reason: message }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
