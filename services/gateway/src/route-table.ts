import type { ServiceName } from '@authmesh/config';

export interface Route {
  prefix: string;
  service: ServiceName;
}

/**
 * Which service owns which public paths. Longest prefix wins. A new runtime adds its
 * lines here (for example `/application/o/` for the OAuth2 service).
 */
export const ROUTES: readonly Route[] = [
  { prefix: '/api/v3/events/', service: 'events' },
  { prefix: '/api/v3/flows/executor/', service: 'flows' },
  { prefix: '/flows/', service: 'flows' },
  { prefix: '/api/v3/', service: 'core' },
];

/** The route serving `path`, if any. */
export function matchRoute(path: string, routes: readonly Route[] = ROUTES): Route | undefined {
  let best: Route | undefined;
  for (const route of routes) {
    if ((path.startsWith(route.prefix) || `${path}/` === route.prefix) && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  return best;
}
