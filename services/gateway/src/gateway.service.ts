import { ENV_NAMES, type AuthmeshConfig, type ServiceName } from '@authmesh/config';
import { TrustedProxies, type ServiceContext, type ServiceDefinition } from '@authmesh/runtime';
import { createGatewayHandler } from './gateway.handler.js';
import { ReadinessProbe, type ReadinessSource } from '@authmesh/runtime';
import { ROUTES, routedServices, type Route } from './route-table.js';
import { resolveUpstream, type RemoteProxyOptions, type Upstream } from './upstream.js';
import { WEB_DIST_DIR, WebAssets } from './web-assets.js';

/** Knobs tests turn; production uses the defaults. */
export interface GatewayTuning {
  routes?: readonly Route[];
  readinessCacheMs?: number;
  remote?: RemoteProxyOptions;
  /** Where the built web interface is; web/dist by default. */
  webRoot?: string;
}

/** Builds the gateway service; `gatewayService` is this with the defaults. */
export function defineGatewayService(tuning: GatewayTuning = {}): ServiceDefinition {
  return {
    name: 'gateway',
    async start(ctx) {
      const routes = tuning.routes ?? ROUTES;
      const logger = ctx.logger.child({ service: 'gateway' });
      const upstreams = new Map<ServiceName, Upstream>();
      for (const service of routedServices(routes)) {
        const upstream = resolveUpstream(service, ctx.local, ctx.addresses);
        if (upstream) upstreams.set(service, upstream);
        else if (!ctx.local.has(service))
          logger.warn({ service, setting: httpSettingOf(service) }, 'routed service is neither local nor configured: its paths answer 503');
      }
      const readiness = new ReadinessProbe(readinessSources(ctx, routes), { cacheMs: tuning.readinessCacheMs });
      const gateway = createGatewayHandler({
        upstreams,
        readiness,
        proxies: new TrustedProxies(ctx.config.trusted_proxy_cidrs),
        logger,
        metrics: ctx.metrics,
        routes,
        remote: tuning.remote,
        web: new WebAssets(tuning.webRoot ?? WEB_DIST_DIR, logger),
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
}

/**
 * The one public HTTP entry: routes each path to the service that owns it, in this
 * process or in another one, and answers the health endpoints for the whole system.
 */
export const gatewayService: ServiceDefinition = defineGatewayService();

/**
 * What readiness covers: every routed service (local, remote, or absent and so never
 * ready) and every other service running in this process.
 */
function readinessSources(ctx: ServiceContext, routes: readonly Route[]): Map<string, ReadinessSource> {
  const sources = new Map<string, ReadinessSource>();
  const names = new Set<ServiceName>([...routedServices(routes), ...ctx.local.keys()]);
  names.delete('gateway');
  for (const name of names) {
    const running = ctx.local.get(name);
    const baseUrl = ctx.addresses.http(name);
    sources.set(name, running ? { kind: 'local', service: running } : baseUrl ? { kind: 'remote', baseUrl } : { kind: 'absent' });
  }
  return sources;
}

/** The environment variable that points the gateway at a remote service, for the warning. */
function httpSettingOf(service: ServiceName): string | undefined {
  const key = `${service}_http`;
  return key in ENV_NAMES ? ENV_NAMES[key as keyof AuthmeshConfig] : undefined;
}
