import { Counter } from 'prom-client';
import { Subjects, type BusSubscription } from '@authmesh/bus';
import { ExpressionEngine } from '@authmesh/expressions';
import type { Logger } from '@authmesh/logger';
import { OutboundClient } from '@authmesh/outbound';
import { FlowClient, NotificationConfigClient, type IdentityClient } from '@authmesh/rpc';
import type { ServiceContext } from '@authmesh/runtime';
import type { DataSource } from 'typeorm';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { deliveryFailureEvent } from './notification-failure.event.js';
import { NOTIFICATION_CONFIG_KINDS, NotificationRuleCache } from './notification-rule.cache.js';
import { NotificationRepository } from './notification.repository.js';
import { registerNotificationRpc } from './notification.rpc.js';
import { notificationTransports } from './transports/notification-transports.js';

/** How long stopping waits for notifications being delivered. */
const DELIVERY_DRAIN_MS = 5000;

/** The running notification side of the events service. */
export interface NotificationRuntime {
  dispatcher: NotificationDispatcher;
  stop(): Promise<void>;
}

/**
 * Wires notifications: the rule cache and its change notices, the transports, the dispatcher
 * that new events are handed to, and the TestTransport RPC.
 */
export async function startNotifications(
  ctx: ServiceContext,
  logger: Logger,
  dataSource: DataSource,
  identity: IdentityClient,
): Promise<NotificationRuntime> {
  const config = new NotificationConfigClient(ctx.addresses.grpc('core'), ctx.meshKey);
  const flows = new FlowClient(ctx.addresses.grpc('flows'), ctx.meshKey);
  const rules = new NotificationRuleCache(config);
  const notifications = new NotificationRepository(dataSource);
  const dispatcher = new NotificationDispatcher({
    rules,
    config,
    flows,
    transports: notificationTransports({
      notifications,
      outbound: new OutboundClient({ allowedNetworks: ctx.config.outbound_allowed_cidrs, userAgent: `authmesh/${ctx.version}` }),
      expressions: await ExpressionEngine.create(),
      // The installation's SMTP settings, the same the flows e-mail stage uses.
      smtp: {
        host: ctx.config.email_host,
        port: ctx.config.email_port,
        username: ctx.config.email_username,
        password: ctx.config.email_password,
        useTls: ctx.config.email_use_tls,
        useSsl: ctx.config.email_use_ssl,
        timeoutSeconds: ctx.config.email_timeout,
        from: ctx.config.email_from,
      },
      version: ctx.version,
    }),
    deliveries: new Counter({
      name: 'authmesh_notification_deliveries_total',
      help: 'Notification deliveries by transport mode and result',
      labelNames: ['mode', 'result'],
      registers: [ctx.metrics],
    }),
    recordFailure: async (failure) => {
      const event = deliveryFailureEvent(failure);
      await ctx.bus.publishDurable(Subjects.eventCreated, event, { id: String(event.event_uuid) });
    },
    logger,
  });
  const changes: BusSubscription = await ctx.bus.subscribe(Subjects.configChanged, async (message) => {
    const change = (message.data ?? {}) as { kind?: unknown; pk?: unknown; action?: unknown };
    if (typeof change.kind === 'string' && NOTIFICATION_CONFIG_KINDS.has(change.kind)) rules.clear();
    // A deleted user's notifications go with them (notices are not durable: retention removes what is missed).
    if (change.kind === 'authentik_core.user' && change.action === 'deleted' && typeof change.pk === 'string' && change.pk) {
      await notifications
        .deleteForUser(change.pk)
        .catch((error: unknown) => logger.warn({ err: (error as Error).message }, "a deleted user's notifications were not removed"));
    }
  });
  registerNotificationRpc(ctx.grpc, { dispatcher, config, identity }, logger);

  return {
    dispatcher,
    async stop() {
      await changes.unsubscribe().catch(() => undefined);
      await Promise.race([dispatcher.idle(), new Promise((resolve) => setTimeout(resolve, DELIVERY_DRAIN_MS).unref())]);
      config.close();
      flows.close();
    },
  };
}
