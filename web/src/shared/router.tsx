import { useEffect, useState, type ReactNode } from 'react';

/**
 * Pages inside an interface live in the URL's fragment (`/if/admin/#/core/applications`), as in
 * the reference product, so links people bookmarked there keep working and the gateway serves
 * one page per interface.
 */
export interface HashRoute {
  /** The page's path, always starting with `/` (`/` when the fragment is empty). */
  path: string;
  /** The fragment's query (`#/core/users?search=ann` → `search=ann`). */
  query: URLSearchParams;
}

/** The route a fragment names. */
export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(query) };
}

/** The current route, following the browser's back and forward buttons. */
export function useHashRoute(): HashRoute {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    // A change between the first render and this effect fired no event this listener heard.
    follow();
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return parseHash(hash);
}

/** Goes to a page of the current interface. */
export function navigateTo(path: string, query?: Record<string, string | undefined>): void {
  window.location.hash = hrefOf(path, query);
}

/** The fragment link of a page, with its query (empty values left out). */
export function hrefOf(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

/**
 * Matches a path against a pattern with `:name` segments
 * (`/core/users/:id` and `/core/users/42` → `{ id: '42' }`), or undefined.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index];
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

/** A link to a page of the current interface (a plain fragment link: the browser does the rest). */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a href={to.startsWith('#') ? to : `#${to}`} className={className}>
      {children}
    </a>
  );
}
