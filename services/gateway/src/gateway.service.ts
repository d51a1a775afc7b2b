import type { ServiceName } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import { TrustedProxies, type RunningService, type ServiceDefinition } from '@authmesh/runtime';
import type { Registry } from 'prom-client';
import { createGatewayHandler, type Upstream } from './gateway.handler.js';
import { CombinedReadiness, type ReadinessSource } from './readiness.js';
import { ROUTES } from './route-table.js';

/**
 * The one public HTTP entry: routes each path to the service that owns it, in this
 * process or in another one, and answers the health endpoints for the whole system.
 */
export const gatewayService: ServiceDefinition = {
  name: 'gateway',

  async start(ctx) {
    const upstreams = new Map<ServiceName, Upstream>();
    const sources = new Map<ServiceName, ReadinessSource>();
    for (const service of new Set(ROUTES.map((r) => r.service))) {
      const local = ctx.local.get(service);
      const remote = ctx.addresses.http(service);
      if (local) {
        sources.set(service, { kind: 'local', service: local });
        if (local.http) upstreams.set(service, { kind: 'local', handler: local.http.handler });
      } else if (remote) {
        sources.set(service, { kind: 'remote', baseUrl: remote });
        upstreams.set(service, { kind: 'remote', baseUrl: remote });
      }
    }
    const readiness = new CombinedReadiness(sources);
    const gateway = createGatewayHandler({
      upstreams,
      readiness,
      proxies: new TrustedProxies(ctx.config.trusted_proxy_cidrs),
      logger: ctx.logger.child({ service: 'gateway' }),
      metrics: ctx.metrics,
    });
    return {
      name: 'gateway',
      http: { prefixes: ['/'], handler: gateway.handler },
      readiness: () => readiness.check(),
      async stop() {
        gateway.close();
      },
    };
  },
};

/**
 * The HTTP handler of a process that runs services but no gateway (a mesh member): it
 * routes to its local services by the same table, keeps the client IP the trusted gateway
 * resolved, and answers the health endpoints for its own services.
 */
export function createServiceRouter(
  local: ReadonlyMap<ServiceName, RunningService>,
  options: { logger: Logger; trustedProxies: TrustedProxies; metrics: Registry },
) {
  const upstreams = new Map<ServiceName, Upstream>();
  const sources = new Map<ServiceName, ReadinessSource>();
  for (const [name, service] of local) {
    sources.set(name, { kind: 'local', service });
    if (service.http) upstreams.set(name, { kind: 'local', handler: service.http.handler });
  }
  return createGatewayHandler({
    upstreams,
    readiness: new CombinedReadiness(sources),
    proxies: options.trustedProxies,
    logger: options.logger,
    metrics: options.metrics,
    behindGateway: true,
  }).handler;
}
