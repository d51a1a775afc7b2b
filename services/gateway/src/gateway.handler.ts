import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { ServiceName } from '@authmesh/config';
import { withRequestId, type Logger } from '@authmesh/logger';
import type { TrustedProxies } from '@authmesh/runtime';
import { gatewayMetrics } from './gateway.metrics.js';
import { prepareForwarding, type ForwardedRequest } from './forwarding.js';
import type { ReadinessProbe } from '@authmesh/runtime';
import { serveHealth } from './health.js';
import { sendJson } from './json-response.js';
import { parseRequestTarget } from './request-target.js';
import { matchRoute, ROUTES, type Route } from './route-table.js';
import { RemoteProxy, type RemoteProxyOptions, type Upstream } from './upstream.js';
import type { WebAssets } from './web-assets.js';

export interface GatewayHandlerOptions {
  /** The upstream of each service that can be reached; a routed service missing here answers 503. */
  upstreams: ReadonlyMap<ServiceName, Upstream>;
  readiness: ReadinessProbe;
  proxies: TrustedProxies;
  logger: Logger;
  /** Where request counts and durations are registered; none when omitted. */
  metrics?: Registry;
  routes?: readonly Route[];
  /** True in a service process reached through a gateway (keeps the client IP the gateway resolved). */
  behindGateway?: boolean;
  remote?: RemoteProxyOptions;
  /** The built web interface (pages under /if/, files under /static/dist/, `/`); none in service processes. */
  web?: WebAssets;
}

export interface GatewayHandler {
  handler: RequestListener;
  /** Closes the pooled connections to remote services. */
  close(): void;
}

/** The metric label of a request: a route prefix, or 'invalid', 'health', 'web-page', 'web-asset', 'web-redirect' or 'none' (no route). */
type Outcome = string;

/**
 * The gateway's request handler: sanitises headers, refuses absurd targets, answers the
 * health paths and the web interface, and hands every other request to the service owning the longest matching
 * route prefix, in this process or through the remote proxy. One debug line and one
 * metric sample per request; upstream failures answer 502 and never escape.
 */
export function createGatewayHandler(options: GatewayHandlerOptions): GatewayHandler {
  const { logger, readiness, upstreams } = options;
  const routes = options.routes ?? ROUTES;
  const metrics = options.metrics ? gatewayMetrics(options.metrics) : undefined;
  // Created on first use, so a process that only routes locally opens no pool.
  let remote: RemoteProxy | undefined;

  const dispatch = (request: IncomingMessage, response: ServerResponse, path: string, forwarded: ForwardedRequest): Outcome => {
    if (serveHealth(request, response, path, readiness)) return 'health';
    const web = options.web?.serve(request, response, path);
    if (web) return `web-${web}`;
    const route = matchRoute(path, routes);
    if (!route) {
      sendJson(response, 404, { detail: 'Not found.' });
      return 'none';
    }
    const upstream = upstreams.get(route.service);
    if (!upstream) {
      sendJson(response, 503, { detail: 'This part of the API is not available on this deployment.' });
    } else if (upstream.kind === 'local') {
      callLocal(upstream.handler, request, response, route);
    } else {
      remote ??= new RemoteProxy(options.remote);
      remote.forward(request, response, upstream.baseUrl, (error) =>
        withRequestId(forwarded.requestId, () => {
          const code = (error as NodeJS.ErrnoException).code;
          logger.warn({ service: route.service, error: error.message, code }, 'upstream request failed');
          sendJson(response, 502, { detail: 'Upstream service unavailable.' });
        }),
      );
    }
    return route.prefix;
  };

  const callLocal = (handler: RequestListener, request: IncomingMessage, response: ServerResponse, route: Route) => {
    try {
      handler(request, response);
    } catch (error) {
      // A service handler that throws synchronously must not take the process down.
      logger.error({ service: route.service, error: (error as Error).message }, 'service handler threw');
      sendJson(response, 500, { detail: 'Internal server error.' });
    }
  };

  const handler: RequestListener = (request, response) => {
    const started = process.hrtime.bigint();
    const forwarded = prepareForwarding(request, options.proxies, { behindGateway: options.behindGateway });
    response.setHeader('X-Request-Id', forwarded.requestId);
    const target = parseRequestTarget(request.url);
    let outcome: Outcome = 'invalid';
    response.once('close', () => {
      const status = response.writableFinished ? String(response.statusCode) : 'aborted';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics?.requests.inc({ route: outcome, status });
      metrics?.duration.observe({ route: outcome }, seconds);
      logRequest(logger, request, forwarded, { path: target.ok ? target.path : undefined, route: outcome, status, seconds });
    });
    withRequestId(forwarded.requestId, () => {
      if (!target.ok) sendJson(response, target.status, { detail: target.detail });
      else outcome = dispatch(request, response, target.path, forwarded);
    });
  };

  return { handler, close: () => remote?.close() };
}

/** The one line per request; headers are never logged, so Authorization and Cookie cannot leak. */
function logRequest(
  logger: Logger,
  request: IncomingMessage,
  forwarded: ForwardedRequest,
  outcome: { path?: string; route: Outcome; status: string; seconds: number },
): void {
  withRequestId(forwarded.requestId, () =>
    logger.debug(
      {
        method: request.method,
        path: outcome.path,
        route: outcome.route,
        status: outcome.status,
        ms: Math.round(outcome.seconds * 1000),
        client_ip: forwarded.clientIp,
      },
      'gateway request',
    ),
  );
}
