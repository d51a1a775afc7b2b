import { Counter } from 'prom-client';
import { databaseHealthy, schemaMigrator } from '@authmesh/db';
import { createHttpApp, remotePrincipalResolver } from '@authmesh/http';
import { IdentityClient, RpcCallError } from '@authmesh/rpc';
import { startServiceTasks, type ServiceDefinition } from '@authmesh/runtime';
import { createEventsDataSource } from './database/events.data-source.js';
import { consumeEvents } from './events/event.consumer.js';
import { registerEventRpc } from './events/event.rpc.js';
import { EventService } from './events/event.service.js';
import { EventsModule } from './events.module.js';
import { startNotifications } from './notifications/notification-runtime.js';

/** How often expired events are purged. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

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

    const notifications = await startNotifications(ctx, logger, dataSource, identity);

    const { app, handler } = await createHttpApp(
      EventsModule.register({
        logger,
        dataSource,
        recorded,
        principals,
        onRecorded: (event) => notifications.dispatcher.eventRecorded(event),
      }),
      {
        service: 'events',
        logger,
        metrics: ctx.metrics,
      },
    );
    const events = app.get(EventService);
    registerEventRpc(ctx.grpc, events, logger);
    const subscription = await consumeEvents(ctx.bus, events, logger);
    const tasks = await startServiceTasks({ bus: ctx.bus, metrics: ctx.metrics, logger }, 'events', [
      {
        name: 'event_retention_purge',
        description: 'Deletes events whose retention period has passed.',
        intervalMs: PURGE_INTERVAL_MS,
        run: async () => ({ messages: [`${await events.purgeExpired()} expired event(s) deleted.`] }),
      },
    ]);

    return {
      name: 'events',
      http: { prefixes: ['/api/v3/events/', '/api/v3/admin/metrics/'], handler },
      async readiness() {
        const database = await databaseHealthy(dataSource);
        const bus = ctx.bus.isHealthy();
        return { ready: database && bus, checks: { database, bus } };
      },
      async stop() {
        await tasks.stop();
        await subscription.unsubscribe().catch(() => undefined);
        await notifications.stop();
        await app.close();
        identity.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  },
};
