import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createBus, type Bus } from '@authmesh/bus';
import { resolveSecretKey, type AuthmeshConfig, type ServiceName } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import { GrpcHost } from '@authmesh/rpc';
import { deriveMeshKey, resolveServiceAddresses, TrustedProxies, type RunningService, type ServiceDefinition } from '@authmesh/runtime';
import { createServiceRouter } from '@authmesh/service-gateway';
import { buildMergedOpenApi } from './openapi-document.js';
import { openDatabase, type OpenDatabase } from './database.js';
import { splitHostPort, withRetries } from './net.js';
import { VERSION } from './version.js';

/** A started process: its services and how to stop it. */
export interface RunningProcess {
  httpPort: number;
  grpcPort?: number;
  metricsPort: number;
  stop(reason: string): Promise<void>;
}

/** Services that keep state in PostgreSQL or talk on the bus. */
const NEEDS_DATABASE: ReadonlySet<ServiceName> = new Set(['core', 'events', 'flows', 'oauth2']);

/**
 * Starts the selected services in one process: database (embedded when no DATABASE_URL),
 * bus (in-process when no NATS_URL), migrations, gRPC, the services in order, the public
 * HTTP listener and the metrics listener. Anything that fails on the way undoes what was
 * started and rethrows.
 */
export async function startProcess(config: AuthmeshConfig, services: ServiceDefinition[], logger: Logger): Promise<RunningProcess> {
  const cleanups: Array<() => Promise<void>> = [];
  const undo = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => logger.error({ err: error }, 'cleanup failed'));
  };
  try {
    const secret = resolveSecretKey(config);
    if (secret.generated) {
      logger.warn(
        { path: `${config.data_dir}/secret.key` },
        'AUTHMESH_SECRET_KEY is not set: generated one in the data directory; set it explicitly in production',
      );
    }
    const names = new Set(services.map((s) => s.name));
    const needsDatabase = services.some((s) => NEEDS_DATABASE.has(s.name));

    let database: OpenDatabase | undefined;
    if (needsDatabase) {
      const opened = await openDatabase(config, logger);
      database = opened;
      cleanups.push(() => opened.close());
    }

    const bus: Bus = await withRetries(
      () => createBus({ natsUrl: config.nats_url, logger: logger.child({ component: 'bus' }), name: `authmesh-${[...names].join('-')}` }),
      { seconds: config.database_wait_seconds, logger, what: `NATS at ${config.nats_url ?? ''}`, enabled: !!config.nats_url },
    );
    cleanups.push(() => bus.close());
    logger.info({ bus: bus.kind }, 'bus connected');

    if (database) {
      for (const service of services) {
        if (!service.migrate) continue;
        const applied = await service.migrate({ config, logger, databaseUrl: database.url });
        logger.info({ service: service.name, applied }, applied.length > 0 ? 'migrations applied' : 'schema up to date');
      }
    }

    const meshKey = deriveMeshKey(secret.key);
    const grpc = new GrpcHost({ meshKey, logger: logger.child({ component: 'grpc' }) });
    const metrics = new Registry();
    metrics.setDefaultLabels({ process: [...names].join(',') });
    collectDefaultMetrics({ register: metrics });

    const usesGrpc = services.some((s) => s.name !== 'gateway');
    let grpcPort: number | undefined;
    if (usesGrpc) {
      grpcPort = await grpc.start(config.listen_grpc);
      cleanups.push(() => grpc.stop(2000));
      logger.info({ address: config.listen_grpc, port: grpcPort }, 'gRPC listening');
    }
    const [grpcHost] = splitHostPort(config.listen_grpc);
    const localGrpc = `${grpcHost === '0.0.0.0' ? '127.0.0.1' : grpcHost}:${grpcPort ?? splitHostPort(config.listen_grpc)[1]}`;

    const local = new Map<ServiceName, RunningService>();
    let openApi: Promise<object> | undefined;
    const context = {
      config,
      secretKey: secret.key,
      meshKey,
      logger,
      bus,
      databaseUrl: database?.url ?? '',
      grpc,
      addresses: resolveServiceAddresses(config, localGrpc),
      metrics,
      version: VERSION,
      local,
      openApiDocument: () => (openApi ??= buildMergedOpenApi(VERSION)),
    };
    for (const service of services) {
      const started = Date.now();
      const running = await service.start(context);
      local.set(service.name, running);
      cleanups.push(() => running.stop());
      logger.info({ service: service.name, ms: Date.now() - started }, 'service started');
    }

    const handler =
      local.get('gateway')?.http?.handler ??
      createServiceRouter(local, { logger, trustedProxies: new TrustedProxies(config.trusted_proxy_cidrs), metrics });
    const httpServer = createServer({ keepAliveTimeout: 65_000, requestTimeout: 60_000, headersTimeout: 20_000 }, handler);
    const httpPort = await listen(httpServer, config.listen_http);
    cleanups.push(() => closeServer(httpServer, config.shutdown_grace_seconds * 1000));
    logger.info({ address: config.listen_http, port: httpPort }, 'HTTP listening');

    const metricsServer = createServer((req, res) => {
      if (req.url !== '/metrics' && req.url !== '/metrics/') {
        res.writeHead(404).end();
        return;
      }
      metrics
        .metrics()
        .then((body) => res.writeHead(200, { 'content-type': metrics.contentType }).end(body))
        .catch(() => res.writeHead(500).end());
    });
    const metricsPort = await listen(metricsServer, config.listen_metrics);
    cleanups.push(() => closeServer(metricsServer, 1000));

    let stopping: Promise<void> | undefined;
    return {
      httpPort,
      grpcPort,
      metricsPort,
      stop: (reason) =>
        (stopping ??= (async () => {
          logger.info({ reason }, 'shutting down');
          await undo();
          logger.info('stopped');
        })()),
    };
  } catch (error) {
    await undo();
    throw error;
  }
}

function listen(server: Server, address: string): Promise<number> {
  const [host, port] = splitHostPort(address);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections, lets in-flight requests finish, then closes what is left. */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
