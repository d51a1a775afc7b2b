import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import type { OAuth2Provider__Output } from '@authmesh/rpc';

/** A private signing key as a JWK, with its id, use and algorithm. */
export type SigningJwk = JsonWebKey & { kid: string; use: 'sig'; alg: string };

/** The JWS algorithm for a key: ES256/384/512 by curve for EC keys, RS256 for RSA. */
export function algorithmFor(jwk: JsonWebKey): string {
  if (jwk.kty === 'EC') return jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-521' ? 'ES512' : 'ES256';
  return 'RS256';
}

/** The provider's signing key as a private JWK (kid = the certificate-key pair's UUID), or null for HS256 with the client secret. */
export function signingJwk(provider: OAuth2Provider__Output): SigningJwk | null {
  const key = provider.signing_key;
  if (!key?.private_key_pem) return null;
  const jwk = createPrivateKey(key.private_key_pem).export({ format: 'jwk' });
  return { ...jwk, kid: key.pk, use: 'sig', alg: algorithmFor(jwk) };
}

/**
 * The provider's replaced signing keys that are still within their retirement period, as
 * private JWKs limited to verification (`key_ops: ["verify"]`): oidc-provider publishes them in
 * the JWKS and accepts what they signed (an old id_token_hint), but never signs with them.
 */
export function retiredJwks(provider: OAuth2Provider__Output, now = Date.now()): SigningJwk[] {
  const current = provider.signing_key?.pk;
  const seen = new Set<string>();
  const keys: SigningJwk[] = [];
  for (const key of provider.retired_signing_keys ?? []) {
    if (!key.private_key_pem || key.pk === current || seen.has(key.pk) || Number(key.verify_until) * 1000 <= now) continue;
    seen.add(key.pk);
    const jwk = createPrivateKey(key.private_key_pem).export({ format: 'jwk' });
    keys.push({ ...jwk, kid: key.pk, use: 'sig', alg: algorithmFor(jwk), key_ops: ['verify'] });
  }
  return keys;
}

/** When the next retired key's period ends (ms since the epoch), or null when none is retired. */
export function nextRetirement(provider: OAuth2Provider__Output, now = Date.now()): number | null {
  const ends = (provider.retired_signing_keys ?? []).map((k) => Number(k.verify_until) * 1000).filter((t) => t > now);
  return ends.length > 0 ? Math.min(...ends) : null;
}
