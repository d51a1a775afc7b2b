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
