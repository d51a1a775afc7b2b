import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import { algorithmFor, retiredJwks } from './signing-keys.js';

/** The keys access tokens of one provider are signed and verified with. */
export interface AccessTokenKeys {
  sign: { key: KeyObject; alg: string; kid?: string };
  /** The signing key and every retired key still within its period. */
  verify: Array<{ key: KeyObject; alg: string; kid?: string }>;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_LENGTH = 16_384;

/**
 * The provider's access token keys: its signing key (RS/ES), or HS256 with the client secret
 * as the reference product does without one; null when it has neither (a public client
 * without a key), whose access tokens stay opaque.
 */
export function accessTokenKeys(config: OAuth2Provider__Output, now = Date.now()): AccessTokenKeys | null {
  if (config.signing_key?.private_key_pem) {
    const privateKey = createPrivateKey(config.signing_key.private_key_pem);
    const alg = algorithmFor(privateKey.export({ format: 'jwk' }));
    const sign = { key: privateKey, alg, kid: config.signing_key.pk };
    const retired = retiredJwks(config, now).map((jwk) => ({
      key: createPublicKey({ key: jwk, format: 'jwk' }),
      alg: jwk.alg,
      kid: jwk.kid,
    }));
    return { sign, verify: [{ ...sign, key: createPublicKey(privateKey) }, ...retired] };
  }
  if (config.client_secret) {
    const key = createSecretKey(Buffer.from(config.client_secret, 'utf8'));
    return { sign: { key, alg: 'HS256' }, verify: [{ key, alg: 'HS256' }] };
  }
  return null;
}

/** Signs an access token's claims as an RFC 9068 JWT (`typ: at+jwt`). */
export function signAccessToken(keys: AccessTokenKeys, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: keys.sign.alg, typ: 'at+jwt', ...(keys.sign.kid ? { kid: keys.sign.kid } : {}) })
    .sign(keys.sign.key);
}

/**
 * The stored token id (`jti`) of a JWT access token whose signature one of `keys` verifies
 * and whose issuer is `issuer` (when given); null for anything else. Expiry is left to the
 * stored token, which oidc-provider checks.
 */
export async function verifiedAccessTokenId(keys: AccessTokenKeys, value: unknown, issuer?: string): Promise<string | null> {
  if (typeof value !== 'string' || value.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(value)) return null;
  let header;
  try {
    header = decodeProtectedHeader(value);
  } catch {
    return null;
  }
  const candidates = keys.verify.filter(
    (k) => k.alg === header.alg && (header.kid === undefined || k.kid === undefined || k.kid === header.kid),
  );
  for (const candidate of candidates) {
    try {
      const { payload } = await jwtVerify(value, candidate.key, {
        algorithms: [candidate.alg],
        typ: 'at+jwt',
        ...(issuer ? { issuer } : {}),
        // The stored token decides expiry (and revocation); a token past exp is not stored anymore.
        currentDate: new Date(0),
      });
      return typeof payload.jti === 'string' && payload.jti.length <= 255 ? payload.jti : null;
    } catch {
      // try the next key
    }
  }
  return null;
}

/** The `jti` of something shaped like a JWT, unverified (only to find which client a token concerns), else the value itself. */
export function presentedTokenId(value: string): string | null {
  if (!JWT_SHAPE.test(value)) return value;
  try {
    const jti = decodeJwt(value).jti;
    return typeof jti === 'string' && jti.length <= 255 ? jti : null;
  } catch {
    return null;
  }
}
