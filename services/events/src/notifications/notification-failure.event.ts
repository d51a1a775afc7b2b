import { randomUUID } from 'node:crypto';
import type { DeliveryFailureEvent } from './notification-dispatcher.js';
import { NOTIFICATION_MARKER } from './notification-dispatcher.js';

/**
 * The event-log entry of a failed delivery, as published on the bus. It carries the marker
 * that keeps it out of rule matching, so a failing transport cannot notify about itself.
 */
export function deliveryFailureEvent(failure: DeliveryFailureEvent): Record<string, unknown> {
  return {
    event_uuid: randomUUID(),
    action: failure.action,
    app: 'authmesh.events',
    user: {},
    client_ip: '',
    brand: {},
    context: {
      message: `Notification not delivered through transport "${failure.transport.name}": ${failure.message}`,
      [NOTIFICATION_MARKER]: {
        rule: { pk: failure.rule.pk, name: failure.rule.name },
        transport: { pk: failure.transport.pk, name: failure.transport.name, mode: failure.transport.mode },
        recipient: { pk: failure.recipient.pk, username: failure.recipient.username },
        event: failure.event.pk,
      },
    },
    created: new Date().toISOString(),
  };
}
