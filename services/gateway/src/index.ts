/**
 * @authmesh/service-gateway: the public HTTP entry of authmesh.
 *
 * - `gatewayService` is the ServiceDefinition the process runner starts (`--target gateway`
 *   or `authmesh start`). Its `http.handler` serves every request on the public port:
 *   header trust rules, routing by `ROUTES`, remote proxying, `/-/health/*`, and the built
 *   web interface (`/if/*`, `/static/dist/*`, `/` → `/if/user/`; see docs/web.md).
 * - `createServiceRouter(local, { logger, trustedProxies, metrics? })` is the handler for a
 *   process that runs services but no gateway: same routing table, local services only,
 *   keeps the client IP resolved by a trusted gateway, serves `/-/health/live/` and
 *   `/-/health/ready/` for its own services (which is where a remote gateway probes them).
 * - `ROUTES` / `matchRoute` are the routing table, for anything that must agree with it.
 */
export { gatewayService, defineGatewayService, type GatewayTuning } from './gateway.service.js';
export { createServiceRouter, type ServiceRouterOptions } from './service-router.js';
export { createGatewayHandler, type GatewayHandler, type GatewayHandlerOptions } from './gateway.handler.js';
export { ReadinessProbe, type ReadinessSource, LIVE_PATH, READY_PATH } from '@authmesh/runtime';
export { ROUTES, matchRoute, routedServices, type Route } from './route-table.js';
export type { Upstream, RemoteProxyOptions } from './upstream.js';
export { WebAssets, WEB_DIST_DIR, STATIC_PREFIX, CONTENT_SECURITY_POLICY } from './web-assets.js';
