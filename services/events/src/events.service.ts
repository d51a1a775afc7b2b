import { Counter } from 'prom-client';
import { Subjects } from '@authmesh/bus';
import { databaseHealthy, schemaMigrator } from '@authmesh/db';
import { ExpressionEngine } from '@authmesh/expressions';
import { createHttpApp, remotePrincipalResolver } from '@authmesh/http';
import { OutboundClient } from '@authmesh/outbound';
import { FlowClient, IdentityClient, NotificationConfigClient, RpcCallError } from '@authmesh/rpc';
import type { ServiceDefinition } from '@authmesh/runtime';
import { createEventsDataSource } from './database/events.data-source.js';
import { consumeEvents } from './events/event.consumer.js';
import { registerEventRpc } from './events/event.rpc.js';
import { EventService } from './events/event.service.js';
import { EventsModule } from './events.module.js';
import { NotificationDispatcher } from './notifications/notification-dispatcher.js';
import { deliveryFailureEvent } from './notifications/notification-failure.event.js';
import { NotificationRepository } from './notifications/notification.repository.js';
import { registerNotificationRpc } from './notifications/notification.rpc.js';
import { NOTIFICATION_CONFIG_KINDS, NotificationRuleCache } from './notifications/notification-rule.cache.js';
import { notificationTransports } from './notifications/transports/notification-transports.js';

/** How often expired events are purged. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** How long stopping waits for notifications being delivered. */
const DELIVERY_DRAIN_MS = 5000;

/** The event log: persists events from the bus and serves /api/v3/events/. */
export const eventsService: ServiceDefinition = {
  name: 'events',

  migrate: schemaMigrator('events', createEventsDataSource),

  async start(ctx) {
    const logger = ctx.logger.child({ service: 'events' });
    const dataSource = createEventsDataSource(ctx.databaseUrl, logger);
    await dataSource.initialize();
    const identity = new IdentityClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const recorded = new Counter({
      name: 'authmesh_events_recorded_total',
      help: 'Events stored in the event log',
      labelNames: ['action'],
      registers: [ctx.metrics],
    });

    const principals = remotePrincipalResolver(identity, (error) => error instanceof RpcCallError);

    const notificationConfig = new NotificationConfigClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const flows = new FlowClient(ctx.addresses.grpc('flows'), ctx.meshKey);
    const rules = new NotificationRuleCache(notificationConfig);
    const notifications = new NotificationRepository(dataSource);
    const dispatcher = new NotificationDispatcher({
      rules,
      config: notificationConfig,
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
    const changes = await ctx.bus.subscribe(Subjects.configChanged, async (message) => {
      const change = (message.data ?? {}) as { kind?: unknown; pk?: unknown; action?: unknown };
      if (typeof change.kind === 'string' && NOTIFICATION_CONFIG_KINDS.has(change.kind)) rules.clear();
      // A deleted user's notifications go with them (change notices are not durable; retention removes any left over).
      if (change.kind === 'authentik_core.user' && change.action === 'deleted' && typeof change.pk === 'string' && change.pk) {
        await notifications
          .deleteForUser(change.pk)
          .catch((error: unknown) => logger.warn({ err: (error as Error).message }, "a deleted user's notifications were not removed"));
      }
    });

    const { app, handler } = await createHttpApp(
      EventsModule.register({ logger, dataSource, recorded, principals, onRecorded: (event) => dispatcher.eventRecorded(event) }),
      {
        service: 'events',
        logger,
        metrics: ctx.metrics,
      },
    );
    const events = app.get(EventService);
    registerEventRpc(ctx.grpc, events, logger);
    registerNotificationRpc(ctx.grpc, { dispatcher, config: notificationConfig, identity }, logger);
    const subscription = await consumeEvents(ctx.bus, events, logger);
    const purge = setInterval(() => {
      events.purgeExpired().catch((error: unknown) => logger.error({ err: error }, 'purging expired events failed'));
    }, PURGE_INTERVAL_MS);
    purge.unref();

    return {
      name: 'events',
      http: { prefixes: ['/api/v3/events/', '/api/v3/admin/metrics/'], handler },
      async readiness() {
        const database = await databaseHealthy(dataSource);
        const bus = ctx.bus.isHealthy();
        return { ready: database && bus, checks: { database, bus } };
      },
      async stop() {
        clearInterval(purge);
        await subscription.unsubscribe().catch(() => undefined);
        await changes.unsubscribe().catch(() => undefined);
        await Promise.race([dispatcher.idle(), new Promise((resolve) => setTimeout(resolve, DELIVERY_DRAIN_MS).unref())]);
        await app.close();
        identity.close();
        notificationConfig.close();
        flows.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  },
};
