/** A registered redirect URI, as core stores it. */
export interface RegisteredRedirectUri {
  matching_mode: string;
  url: string;
}

/** Schemes that run code or embed content in a browser; never a redirect target, whatever is registered. */
const REFUSED_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'filesystem:']);

/** The URL without a trailing-dot host and with default ports dropped, or null when it does not parse. */
function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Whether `candidate` may receive an authorization response. Strict entries match when
 * scheme, userinfo, host, port, path and query are identical after URL parsing (so
 * `https://APP.example.com:443/cb` equals `https://app.example.com/cb`, but a different
 * path, port or query does not); regex entries must match the whole candidate. A fragment,
 * a dangerous scheme or an unparsable candidate never matches.
 */
export function redirectUriAllowed(candidate: string, registered: readonly RegisteredRedirectUri[]): boolean {
  const url = parse(candidate);
  if (!url || REFUSED_SCHEMES.has(url.protocol) || candidate.includes('#')) return false;
  return registered.some((entry) => {
    if (entry.matching_mode === 'regex') return fullMatch(entry.url, candidate);
    if (entry.matching_mode !== 'strict') return false;
    const expected = parse(entry.url);
    return expected !== null && expected.href === url.href;
  });
}

/** An anchored, full match; a pattern that does not compile matches nothing. */
function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return false;
  }
}
