import { MailDeliveryError, MailSender, renderMailTemplate, type SmtpSettings } from '@authmesh/mail';
import { actionInWords } from '../notification-body.js';
import { DeliveryError, type OutgoingNotification, type TransportRuntime } from './notification-transport.js';

/**
 * E-mails the notification to the recipient through the installation's SMTP settings (the
 * ones the flows e-mail stage uses). A recipient without an address is skipped, not failed.
 */
export function emailTransport(settings: SmtpSettings): TransportRuntime {
  return {
    mode: 'email',
    async deliver({ notification, recipient }) {
      if (!recipient.email) return [`${recipient.username} has no e-mail address; nothing sent.`];
      const mail = renderMailTemplate('generic', {
        user: { username: recipient.username, name: recipient.name, email: recipient.email },
        brandTitle: 'authmesh',
        subject: `authmesh ${notification.severity}: ${firstLine(notification.body)}`,
        body: mailText(notification),
      });
      try {
        await new MailSender(settings).send({ to: recipient.email, ...mail });
      } catch (error) {
        throw new DeliveryError(`e-mail not sent: ${error instanceof MailDeliveryError ? error.message : 'delivery failed'}`);
      }
      return [`E-mail sent to ${recipient.email}.`];
    },
  };
}

/** The message: the body, then the event's facts one per line. */
export function mailText(notification: OutgoingNotification): string {
  const event = notification.event;
  if (!event) return notification.body;
  const facts = [
    `Action: ${actionInWords(event.action)} (${event.action})`,
    typeof event.user.username === 'string' && event.user.username ? `User: ${event.user.username}` : '',
    event.client_ip ? `Client IP: ${event.client_ip}` : '',
    `Time: ${event.created}`,
  ].filter(Boolean);
  return `${notification.body}\n\n${facts.join('\n')}`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
