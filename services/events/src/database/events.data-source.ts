import type { Logger } from '@authmesh/logger';
import { createServiceDataSource } from '@authmesh/db';
import { EventEntity } from '../events/event.entity.js';
import { EventLog1764374400100 } from '../migrations/1764374400100-event-log.js';
import { Notifications1764374400200 } from '../migrations/1764374400200-notifications.js';
import { NotificationEntity } from '../notifications/notification.entity.js';

/** The DataSource of the `events` schema. */
export function createEventsDataSource(url: string, logger: Logger) {
  return createServiceDataSource({
    url,
    schema: 'events',
    entities: [EventEntity, NotificationEntity],
    migrations: [EventLog1764374400100, Notifications1764374400200],
    logger,
  });
}
