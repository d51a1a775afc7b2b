import type { DataSource } from 'typeorm';
import type { Counter } from 'prom-client';
import type { Logger } from '@authmesh/logger';

/** Runtime values the events service's Nest module is built with. */
export interface EventsOptions {
  logger: Logger;
  dataSource: DataSource;
  /** Counts events stored, by action. */
  recorded: Counter<'action'>;
  /** Checks API tokens (through core's IdentityService). */
  checkToken: (key: string) => Promise<import('@authmesh/http').Principal | null>;
}
