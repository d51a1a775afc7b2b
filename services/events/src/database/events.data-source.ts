import type { Logger } from '@authmesh/logger';
import { createServiceDataSource } from '@authmesh/db';
import { EventEntity } from '../events/event.entity.js';
import { EventLog1764374400100 } from '../migrations/1764374400100-event-log.js';

/** The DataSource of the `events` schema. */
export function createEventsDataSource(url: string, logger: Logger) {
  return createServiceDataSource({ url, schema: 'events', entities: [EventEntity], migrations: [EventLog1764374400100], logger });
}
