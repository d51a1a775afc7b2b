import type { ServiceName } from '@authmesh/config';

/** One line of the public routing table: requests whose path starts with `prefix` go to `service`. */
export interface Route {
  prefix: string;
  service: ServiceName;
}

/**
 * Which service owns which public paths; the longest matching prefix wins, so order does
 * not matter. A new runtime adds its line here once it exists as a service; until then its
 * paths answer 404.
 */
export const ROUTES: readonly Route[] = [
  { prefix: '/api/v3/events/', service: 'events' },
  // The dashboard's login chart is computed from the event log.
  { prefix: '/api/v3/admin/metrics/', service: 'events' },
  { prefix: '/api/v3/flows/executor/', service: 'flows' },
  { prefix: '/api/v3/flows/inspector/', service: 'flows' },
  { prefix: '/api/v3/policies/reputation/scores/', service: 'flows' },
  { prefix: '/flows/', service: 'flows' },
  // The device authorization grant's verification URI: the flow executor's device code flow.
  { prefix: '/device/', service: 'flows' },
  { prefix: '/application/o/', service: 'oauth2' },
  // GitHub-compatible OAuth2 endpoints (`/login/oauth/authorize`, `/user`, `/user/teams`).
  { prefix: '/login/oauth/', service: 'oauth2' },
  { prefix: '/user/', service: 'oauth2' },
  { prefix: '/api/v3/', service: 'core' },
  // Notification rules and transports are configuration, which core owns; events reads them over gRPC.
  { prefix: '/api/v3/events/rules/', service: 'core' },
  { prefix: '/api/v3/events/transports/', service: 'core' },
];

/** The route serving `path` (without query), by longest prefix; `/api/v3` counts as `/api/v3/`. */
export function matchRoute(path: string, routes: readonly Route[] = ROUTES): Route | undefined {
  let best: Route | undefined;
  for (const route of routes) {
    const matches = path.startsWith(route.prefix) || `${path}/` === route.prefix;
    if (matches && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  return best;
}

/** Every service some route points at, each once, in table order. */
export function routedServices(routes: readonly Route[] = ROUTES): ServiceName[] {
  return [...new Set(routes.map((route) => route.service))];
}
