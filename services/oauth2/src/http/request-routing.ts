import type { IncomingMessage } from 'node:http';

/** Largest form body the OAuth2 endpoints read. */
export const MAX_FORM_BYTES = 64 * 1024;

/** The endpoints shared by every application, under /application/o/. */
export const SHARED_ENDPOINTS = new Set(['authorize', 'token', 'userinfo', 'introspect', 'revoke', 'device', 'par', 'interaction']);

/** Reads a bounded request body; rejects bodies over the limit. */
export function readBody(req: IncomingMessage, limit = MAX_FORM_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The client a token-endpoint-style request names, to pick its provider: HTTP Basic
 * credentials first, else `client_id` in the form, else the issuer of a client assertion.
 * Only routing depends on this; oidc-provider authenticates the client itself.
 */
export function claimedClientId(authorization: string | undefined, form: URLSearchParams): string | null {
  if (authorization && /^basic /i.test(authorization)) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      try {
        return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      } catch {
        return null;
      }
    }
    return null;
  }
  const clientId = form.get('client_id');
  if (clientId) return clientId;
  const assertion = form.get('client_assertion');
  if (assertion) {
    try {
      const payload = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        sub?: unknown;
        iss?: unknown;
      };
      return typeof payload.sub === 'string' ? payload.sub : typeof payload.iss === 'string' ? payload.iss : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The access token of a userinfo request (Bearer or DPoP header, or form body). */
export function presentedAccessToken(authorization: string | undefined, form: URLSearchParams): string | null {
  const match = authorization && /^(?:bearer|dpop)\s+(\S+)$/i.exec(authorization);
  if (match) return match[1];
  return form.get('access_token');
}
