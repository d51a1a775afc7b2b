import type { OpenAPIObject } from '@nestjs/swagger';
import { blueprintEnvironment } from '@authmesh/config';
import { PasswordHasher, SecretBox } from '@authmesh/crypto';
import { ExpressionEngine } from '@authmesh/expressions';
import { databaseHealthy, schemaMigrator } from '@authmesh/db';
import { createHttpApp } from '@authmesh/http';
import type { INestApplicationContext } from '@nestjs/common';
import { ReadinessProbe, TaskRunner, type ReadinessSource, type ServiceContext, type ServiceDefinition } from '@authmesh/runtime';
import { SERVICE_NAMES } from '@authmesh/config';
import type { MeshView } from './core.options.js';
import { BootstrapService } from './bootstrap/bootstrap.service.js';
import { CoreModule } from './core.module.js';
import { createCoreDataSource } from './database/core.data-source.js';
import { registerApiDocs } from './api-docs.js';
import { FlowClient, NotificationClient } from '@authmesh/rpc';
import { IdentityRpc } from './identity-rpc/identity.rpc.js';
import { FlowConfigRpc } from './flows/flow-config.rpc.js';
import { OAuth2ConfigRpc } from './providers/oauth2/oauth2-config.rpc.js';
import { NotificationConfigRpc } from './notifications/notification-config.rpc.js';
import { EventPublisher } from './audit/event-publisher.js';
import { BlueprintInstanceService } from './blueprints/blueprint-instance.service.js';
import { KEY_SET_REFRESH_MS, KeySetRefresh } from './sources/oauth/key-set-refresh.js';
import { SystemTaskService } from './system-tasks/system-task.service.js';

/** How often events kept while the bus was down are retried. */
const OUTBOX_RELAY_MS = 2000;

/** Core's background tasks. */
function coreTasks(app: INestApplicationContext, rescanSeconds: number, runner: TaskRunner): TaskRunner {
  const instances = app.get(BlueprintInstanceService);
  const publisher = app.get(EventPublisher);
  const keySets = app.get(KeySetRefresh);
  runner.register({
    name: 'blueprint_discovery',
    description: 'Finds blueprint files in the blueprint folders and applies new and changed ones.',
    intervalMs: rescanSeconds * 1000,
    run: async () => {
      const report = await instances.discover();
      const messages = [`${report.files} blueprint file(s) found, ${report.applied.length} applied.`, ...report.failed];
      return { status: report.failed.length > 0 ? 'warning' : 'successful', messages };
    },
  });
  runner.register({
    name: 'event_outbox_relay',
    description: 'Publishes the events kept while the message bus was unreachable.',
    intervalMs: OUTBOX_RELAY_MS,
    // Every two seconds: measured and logged, but a recorded run would be noise in the task list.
    reported: false,
    run: async () => {
      await publisher.relayPending();
    },
  });
  runner.register({
    name: 'source_key_set_refresh',
    description: 'Fetches the signing keys (JWKS) of OAuth sources that publish them and stores the changed ones.',
    intervalMs: KEY_SET_REFRESH_MS,
    run: async () => {
      const failures: string[] = [];
      const changed = await keySets.run((slug, reason) => failures.push(`${slug}: ${reason}`));
      return { status: failures.length > 0 ? 'warning' : 'successful', messages: [`${changed} key set(s) changed.`, ...failures] };
    },
  });
  return runner;
}

/**
 * The control plane: identity (users, groups, tokens), configuration, and the admin and
 * user API under /api/v3/ (except what other services own).
 */
export const coreService: ServiceDefinition = {
  name: 'core',

  migrate: schemaMigrator('core', createCoreDataSource),

  async start(ctx) {
    const logger = ctx.logger.child({ service: 'core' });
    const dataSource = createCoreDataSource(ctx.databaseUrl, logger);
    await dataSource.initialize();
    const options = {
      config: ctx.config,
      logger,
      bus: ctx.bus,
      dataSource,
      secretBox: new SecretBox(ctx.secretKey),
      passwords: new PasswordHasher(),
      version: ctx.version,
      blueprintEnv: blueprintEnvironment(),
      flows: new FlowClient(ctx.addresses.grpc('flows'), ctx.meshKey),
      notifications: new NotificationClient(ctx.addresses.grpc('events'), ctx.meshKey),
      expressions: await ExpressionEngine.create(),
      mesh: meshView(ctx),
    };
    const document = ctx.config.api_docs && ctx.openApiDocument ? ((await ctx.openApiDocument()) as OpenAPIObject) : undefined;
    const { app, handler } = await createHttpApp(CoreModule.register(options), {
      service: 'core',
      logger,
      metrics: ctx.metrics,
      configure: (nest) => document && registerApiDocs(nest, document),
    });
    await app.get(BootstrapService).run();
    app.get(IdentityRpc).register(ctx.grpc);
    app.get(FlowConfigRpc).register(ctx.grpc);
    app.get(OAuth2ConfigRpc).register(ctx.grpc);
    app.get(NotificationConfigRpc).register(ctx.grpc);
    const tasks = app.get(SystemTaskService);
    const taskReports = await tasks.listen(ctx.bus);
    const runner = coreTasks(
      app,
      ctx.config.blueprints_rescan_seconds,
      new TaskRunner({
        service: 'core',
        logger,
        metrics: ctx.metrics,
        // Core records its own runs directly; the other services' arrive over the bus.
        report: (run) => tasks.record(run),
        announce: (task) => tasks.announce('core', task),
      }),
    );
    tasks.attachLocal(runner);
    // Blueprints are applied before core reports ready, as before the runner existed.
    await runner.runNow('blueprint_discovery');
    runner.start();

    return {
      name: 'core',
      http: { prefixes: ['/api/v3/'], handler },
      async readiness() {
        const database = await databaseHealthy(dataSource);
        const bus = ctx.bus.isHealthy();
        return { ready: database && bus, checks: { database, bus } };
      },
      async stop() {
        options.flows.close();
        options.notifications.close();
        await runner.stop();
        await Promise.all(taskReports.map((subscription) => subscription.unsubscribe().catch(() => undefined)));
        await app.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  },
};

/**
 * The other services as seen from core (the gateway excepted: the request came through it): those
 * in this process answer directly, remote ones at their configured HTTP address. Read at each
 * call, since the services after core start later.
 */
function meshView(ctx: ServiceContext): MeshView {
  const services = () =>
    SERVICE_NAMES.filter((name) => name !== 'gateway').map((name) => ({
      name,
      location:
        ctx.local.has(name) || name === 'core' ? ('local' as const) : ctx.addresses.http(name) ? ('remote' as const) : ('absent' as const),
    }));
  return {
    services,
    check() {
      const sources = new Map<string, ReadinessSource>();
      for (const { name, location } of services()) {
        const running = ctx.local.get(name);
        const baseUrl = ctx.addresses.http(name);
        if (name === 'core') continue;
        sources.set(
          name,
          location === 'local' && running
            ? { kind: 'local', service: running }
            : baseUrl
              ? { kind: 'remote', baseUrl }
              : { kind: 'absent' },
        );
      }
      return new ReadinessProbe(sources).check();
    },
  };
}
