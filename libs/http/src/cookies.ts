import { timingSafeEqual } from 'node:crypto';

/** The login session cookie (HttpOnly); its value is the session key core issued. */
export const SESSION_COOKIE = 'authmesh_session';
/** The CSRF cookie (readable by the web UI), echoed in the CSRF header on unsafe requests. */
export const CSRF_COOKIE = 'authmesh_csrf';
/** The header that must repeat the CSRF cookie on unsafe cookie-authenticated requests. */
export const CSRF_HEADER = 'x-csrftoken';

/** Parses a Cookie header into name → value (first occurrence wins; malformed pairs are skipped). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header || header.length > 16 * 1024) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(value));
    } catch {
      // A value that is not valid percent-encoding is ignored, not fatal.
    }
  }
  return cookies;
}

/** Options of a Set-Cookie header. */
export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Lax' | 'Strict' | 'None';
  path?: string;
}

/** Serialises one Set-Cookie header value. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
  if (options.httpOnly ?? true) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  return parts.join('; ');
}

/** Compares two secrets without leaking where they differ. */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
