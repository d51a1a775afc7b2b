import type { OpenAPIObject } from '@nestjs/swagger';
import { blueprintEnvironment } from '@authmesh/config';
import { PasswordHasher, SecretBox } from '@authmesh/crypto';
import { ExpressionEngine } from '@authmesh/expressions';
import { databaseHealthy, schemaMigrator } from '@authmesh/db';
import { createHttpApp } from '@authmesh/http';
import { ReadinessProbe, type ReadinessSource, type ServiceContext, type ServiceDefinition } from '@authmesh/runtime';
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

/** How often events kept while the bus was down are retried. */
const OUTBOX_RELAY_MS = 2000;

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
    const instances = app.get(BlueprintInstanceService);
    const discover = () => instances.discover().catch((error: unknown) => logger.error({ err: error }, 'blueprint discovery failed'));
    await discover();
    const discovery = setInterval(() => void discover(), ctx.config.blueprints_rescan_seconds * 1000);
    discovery.unref();
    const publisher = app.get(EventPublisher);
    const relay = setInterval(() => {
      publisher.relayPending().catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'outbox relay failed'));
    }, OUTBOX_RELAY_MS);
    relay.unref();
    const keySets = app.get(KeySetRefresh);
    const keySetRefresh = setInterval(() => {
      keySets.run().catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'key set refresh failed'));
    }, KEY_SET_REFRESH_MS);
    keySetRefresh.unref();

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
        clearInterval(relay);
        clearInterval(discovery);
        clearInterval(keySetRefresh);
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
