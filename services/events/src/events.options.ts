import type { DataSource } from 'typeorm';
import type { Counter } from 'prom-client';
import type { Logger } from '@authmesh/logger';
import type { EventRead } from './events/event.dto.js';

/** Runtime values the events service's Nest module is built with. */
export interface EventsOptions {
  logger: Logger;
  dataSource: DataSource;
  /** Counts events stored, by action. */
  recorded: Counter<'action'>;
  /** Authenticates API requests (through core's IdentityService). */
  principals: import('@authmesh/http').PrincipalResolver;
  /** Told about every newly stored event (notification rules); must return at once and never throw. */
  onRecorded?: (event: EventRead) => void;
}
