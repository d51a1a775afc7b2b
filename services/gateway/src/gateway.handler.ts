import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import httpProxy from 'http-proxy';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { ServiceName } from '@authmesh/config';
import { withRequestId, type Logger } from '@authmesh/logger';
import type { TrustedProxies } from '@authmesh/runtime';
import { prepareForwarding } from './forwarding.js';
import { sendJson } from './json-response.js';
import type { CombinedReadiness } from './readiness.js';
import { matchRoute, ROUTES, type Route } from './route-table.js';

/** Where a routed request goes: a handler in this process or another process's HTTP port. */
export type Upstream = { kind: 'local'; handler: RequestListener } | { kind: 'remote'; baseUrl: string };

export interface GatewayOptions {
  upstreams: ReadonlyMap<ServiceName, Upstream>;
  readiness: CombinedReadiness;
  proxies: TrustedProxies;
  logger: Logger;
  metrics: Registry;
  routes?: readonly Route[];
  /** True in a service process reached through a gateway (keeps the gateway's headers). */
  behindGateway?: boolean;
}

const MAX_URL_LENGTH = 8192;

/** The gateway's request handler, and a close() for its proxy connections. */
export function createGatewayHandler(options: GatewayOptions): { handler: RequestListener; close(): void } {
  const { logger, readiness } = options;
  const routes = options.routes ?? ROUTES;
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const proxy = httpProxy.createProxyServer({ agent, xfwd: false, changeOrigin: false, proxyTimeout: 60_000, timeout: 60_000 });
  proxy.on('error', (error, _req, res) => {
    logger.warn({ err: error.message }, 'upstream request failed');
    if ('writeHead' in res) sendJson(res as ServerResponse, 502, { detail: 'Upstream service unavailable.' });
    else res.destroy();
  });
  const requests = counter(options.metrics);
  const durations = histogram(options.metrics);

  const handler: RequestListener = (request: IncomingMessage, response: ServerResponse) => {
    const started = process.hrtime.bigint();
    const url = request.url ?? '/';
    const path = url.split('?', 1)[0];
    let label = 'none';
    response.on('finish', () => {
      requests.inc({ route: label, status: String(response.statusCode) });
      durations.observe({ route: label }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    if (url.length > MAX_URL_LENGTH) {
      sendJson(response, 414, { detail: 'Request URI too long.' });
      return;
    }
    const head = request.method === 'HEAD';
    if (path === '/-/health/live/' || path === '/-/health/live') {
      label = 'health';
      sendJson(response, 200, { status: 'ok' }, head);
      return;
    }
    if (path === '/-/health/ready/' || path === '/-/health/ready') {
      label = 'health';
      readiness.check().then(
        (report) => sendJson(response, report.ready ? 200 : 503, report, head),
        () => sendJson(response, 503, { ready: false, checks: {} }, head),
      );
      return;
    }
    const requestId = prepareForwarding(request, options.proxies, { behindGateway: options.behindGateway });
    response.setHeader('X-Request-Id', requestId);
    const route = matchRoute(path, routes);
    if (!route) {
      sendJson(response, 404, { detail: 'Not found.' });
      return;
    }
    label = route.prefix;
    const upstream = options.upstreams.get(route.service);
    if (!upstream) {
      sendJson(response, 503, { detail: 'This part of the API is not available on this deployment.' });
      return;
    }
    withRequestId(requestId, () => {
      logger.debug({ method: request.method, path, service: route.service }, 'routing request');
      if (upstream.kind === 'local') upstream.handler(request, response);
      else proxy.web(request, response, { target: upstream.baseUrl });
    });
  };
  return {
    handler,
    close: () => {
      proxy.close();
      agent.destroy();
    },
  };
}

const counters = new WeakMap<Registry, Counter<'route' | 'status'>>();
const histograms = new WeakMap<Registry, Histogram<'route'>>();

function counter(registry: Registry): Counter<'route' | 'status'> {
  let c = counters.get(registry);
  if (!c) {
    c = new Counter({
      name: 'authmesh_gateway_requests_total',
      help: 'Requests answered by the gateway',
      labelNames: ['route', 'status'],
      registers: [registry],
    });
    counters.set(registry, c);
  }
  return c;
}

function histogram(registry: Registry): Histogram<'route'> {
  let h = histograms.get(registry);
  if (!h) {
    h = new Histogram({
      name: 'authmesh_gateway_request_duration_seconds',
      help: 'Time from request to response at the gateway',
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    histograms.set(registry, h);
  }
  return h;
}
