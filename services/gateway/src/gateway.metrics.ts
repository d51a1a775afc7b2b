import { Counter, Histogram, type Registry } from 'prom-client';

const REQUESTS = 'authmesh_gateway_requests_total';
const DURATION = 'authmesh_gateway_request_duration_seconds';

/** The gateway's Prometheus series; `route` is a route prefix or a fixed word, never a raw path. */
export interface GatewayMetrics {
  requests: Counter<'route' | 'status'>;
  duration: Histogram<'route'>;
}

/** Registers the gateway's metrics in `registry`, or returns the ones registered there before. */
export function gatewayMetrics(registry: Registry): GatewayMetrics {
  const requests =
    (registry.getSingleMetric(REQUESTS) as Counter<'route' | 'status'> | undefined) ??
    new Counter({
      name: REQUESTS,
      help: 'Requests answered by the gateway, by route and status',
      labelNames: ['route', 'status'],
      registers: [registry],
    });
  const duration =
    (registry.getSingleMetric(DURATION) as Histogram<'route'> | undefined) ??
    new Histogram({
      name: DURATION,
      help: 'Time from request to the end of the response at the gateway',
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  return { requests, duration };
}
