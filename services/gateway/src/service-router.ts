import type { RequestListener } from 'node:http';
import type { Registry } from 'prom-client';
import type { ServiceName } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import type { RunningService, TrustedProxies } from '@authmesh/runtime';
import { createGatewayHandler } from './gateway.handler.js';
import { ReadinessProbe, type ReadinessSource } from '@authmesh/runtime';
import { ROUTES, type Route } from './route-table.js';
import type { Upstream } from './upstream.js';

export interface ServiceRouterOptions {
  logger: Logger;
  trustedProxies: TrustedProxies;
  /** Where request counts and durations are registered; none when omitted. */
  metrics?: Registry;
  routes?: readonly Route[];
}

/**
 * The HTTP handler of a process that runs services but no gateway (a mesh member behind
 * a gateway): routes by the gateway's table to the local services only (a path owned by a
 * service elsewhere answers 503), strips client-injected `x-authmesh-*` headers while
 * keeping the client IP a trusted gateway resolved, and answers `/-/health/live/` and
 * `/-/health/ready/` for the services of this process.
 */
export function createServiceRouter(local: ReadonlyMap<ServiceName, RunningService>, options: ServiceRouterOptions): RequestListener {
  const upstreams = new Map<ServiceName, Upstream>();
  const sources = new Map<string, ReadinessSource>();
  for (const [name, service] of local) {
    sources.set(name, { kind: 'local', service });
    if (service.http) upstreams.set(name, { kind: 'local', handler: service.http.handler });
  }
  return createGatewayHandler({
    upstreams,
    readiness: new ReadinessProbe(sources),
    proxies: options.trustedProxies,
    logger: options.logger,
    metrics: options.metrics,
    routes: options.routes ?? ROUTES,
    behindGateway: true,
  }).handler;
}
