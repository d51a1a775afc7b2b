import { Subjects, type Bus, type BusSubscription } from '@authmesh/bus';
import type { Logger } from '@authmesh/logger';
import { incomingEventSchema } from './event.dto.js';
import type { EventService } from './event.service.js';

/** Name of the durable consumer; JetStream remembers what it acknowledged. */
export const EVENTS_CONSUMER = 'events-service';

/**
 * Persists every event published on the bus. A malformed event is logged and acknowledged
 * (retrying cannot fix it); a database failure throws, so the bus redelivers the event.
 */
export function consumeEvents(bus: Bus, events: EventService, logger: Logger): Promise<BusSubscription> {
  return bus.consumeDurable(EVENTS_CONSUMER, Subjects.eventCreated, async (message) => {
    const parsed = incomingEventSchema.safeParse(message.data);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.slice(0, 5) }, 'dropping a malformed event');
      return;
    }
    await events.record(parsed.data);
  });
}
