import { decodeProtectedHeader, errors as joseErrors, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { TrustedJwksSource__Output } from '@authmesh/rpc';

/** RFC 7523: a JWT authenticates the client. */
export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Public-key algorithms only: the keys come from a published key set, so an HMAC "key" there
 * would be public too, and `none` proves nothing.
 */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']);
const MAX_ASSERTION_LENGTH = 16 * 1024;
const MAX_SUBJECT_LENGTH = 128;

/** Why an assertion was refused, for logs and events; clients only learn that it was. */
export class AssertionRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AssertionRefused';
  }
}

export interface VerifiedAssertion {
  claims: JWTPayload & { sub: string; exp: number };
  source: TrustedJwksSource__Output;
  kid: string;
}

/**
 * Verifies a client assertion against the key sets of the sources a provider trusts: the
 * header names an accepted algorithm and a key id; a key with that id in a trusted set
 * (and, when the key names one, the same algorithm) verifies the signature; `exp` is
 * required and in the future, `nbf` (if any) in the past, and `sub` names the subject the
 * service account is for. The audience must name this provider (its client id, issuer or
 * token endpoint): unlike the reference product, a token the same issuer minted for some other
 * party (any CI job, any cluster workload) is not enough. CI systems and Kubernetes let the
 * caller choose the audience of the tokens they mint.
 */
export async function verifyClientAssertion(
  assertion: string,
  sources: readonly TrustedJwksSource__Output[],
  audiences: readonly string[],
  now: Date = new Date(),
): Promise<VerifiedAssertion> {
  if (assertion.length > MAX_ASSERTION_LENGTH) throw new AssertionRefused('assertion too long');
  if (assertion.split('.').length !== 3) throw new AssertionRefused('not a signed JWT');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new AssertionRefused('malformed JWT header');
  }
  const { alg, kid } = header;
  if (typeof alg !== 'string' || !ALGORITHMS.has(alg)) throw new AssertionRefused(`algorithm ${String(alg)} is not accepted`);
  if (typeof kid !== 'string' || kid === '') throw new AssertionRefused('the JWT header names no key (kid)');

  let problem = `no trusted source has a key with kid ${kid}`;
  for (const source of sources) {
    for (const jwk of keysOf(source)) {
      if (jwk.kid !== kid) continue;
      if ((jwk.alg !== undefined && jwk.alg !== alg) || (jwk.use !== undefined && jwk.use !== 'sig')) {
        problem = `key ${kid} is not for ${alg} signatures`;
        continue;
      }
      try {
        const key = await importJWK(jwk, alg);
        if (key instanceof Uint8Array) continue;
        const { payload } = await jwtVerify(assertion, key, {
          algorithms: [alg],
          requiredClaims: ['exp', 'sub', 'aud'],
          audience: [...audiences],
          currentDate: now,
        });
        if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > MAX_SUBJECT_LENGTH) {
          throw new AssertionRefused('the subject (sub) is missing or too long');
        }
        return { claims: payload as VerifiedAssertion['claims'], source, kid };
      } catch (error) {
        if (error instanceof AssertionRefused) throw error;
        problem = describe(error);
      }
    }
  }
  throw new AssertionRefused(problem);
}

function keysOf(source: TrustedJwksSource__Output): JWK[] {
  try {
    const keys = (JSON.parse(source.jwks_json) as { keys?: unknown }).keys;
    return Array.isArray(keys) ? keys.filter((k): k is JWK => typeof k === 'object' && k !== null && !('d' in k) && !('k' in k)) : [];
  } catch {
    return [];
  }
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the JWT has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim check failed: ${error.message}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  return `the JWT could not be verified: ${(error as Error).message}`;
}
