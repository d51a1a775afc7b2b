import type { ExpressionEngine } from '@authmesh/expressions';
import type { SmtpSettings } from '@authmesh/mail';
import type { OutboundClient } from '@authmesh/outbound';
import type { NotificationRepository } from '../notification.repository.js';
import { emailTransport } from './email.transport.js';
import { localTransport } from './local.transport.js';
import type { TransportRuntime } from './notification-transport.js';
import { slackWebhookTransport, webhookTransport } from './webhook.transport.js';

/** What the transports need from the process. */
export interface TransportDependencies {
  notifications: Pick<NotificationRepository, 'insert'>;
  outbound: OutboundClient;
  expressions: ExpressionEngine;
  smtp: SmtpSettings;
  version: string;
}

/** Every transport mode by name: the one registry a new mode is added to. */
export function notificationTransports(deps: TransportDependencies): Map<string, TransportRuntime> {
  const runtimes = [
    localTransport(deps.notifications),
    webhookTransport(deps.outbound, deps.expressions),
    slackWebhookTransport(deps.outbound, deps.version),
    emailTransport(deps.smtp),
  ];
  return new Map(runtimes.map((runtime) => [runtime.mode, runtime]));
}
