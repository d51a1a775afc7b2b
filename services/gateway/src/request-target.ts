/** Longest path (without query) the gateway routes; longer ones are refused before routing. */
export const MAX_PATH_LENGTH = 8192;

export type RequestTarget = { ok: true; path: string } | { ok: false; status: 400 | 414; detail: string };

/**
 * Checks the request target before routing. Only origin-form targets (`/path?query`) are
 * served, and dot segments are refused (also percent-encoded ones), so a path can never
 * start under one service's prefix and resolve, somewhere downstream, into another's.
 */
export function parseRequestTarget(url: string | undefined): RequestTarget {
  const target = url ?? '';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (path.length > MAX_PATH_LENGTH) return { ok: false, status: 414, detail: 'Request URI too long.' };
  if (!path.startsWith('/')) return { ok: false, status: 400, detail: 'Bad request.' };
  for (const segment of path.split('/')) {
    const plain = segment.replace(/%2e/gi, '.');
    if (plain === '.' || plain === '..') return { ok: false, status: 400, detail: 'Bad request.' };
  }
  return { ok: true, path };
}
