import type { NotificationRepository } from '../notification.repository.js';
import type { TransportRuntime } from './notification-transport.js';

/** Stores the notification for the recipient, who sees it in the web interface's notification drawer. */
export function localTransport(notifications: Pick<NotificationRepository, 'insert'>): TransportRuntime {
  return {
    mode: 'local',
    async deliver({ notification, recipient }) {
      await notifications.insert([
        { userPk: recipient.pk, severity: notification.severity, body: notification.body, eventId: notification.event?.pk ?? null },
      ]);
      return [`Notification stored for ${recipient.username}.`];
    },
  };
}
