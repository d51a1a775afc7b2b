import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Fewest random bytes a token may have: 128 bits keeps guessing out of reach. */
export const MIN_TOKEN_BYTES = 16;
const MAX_TOKEN_BYTES = 1024;

/** A random token of `bytes` cryptographically random bytes, base64url encoded without padding. */
export function generateToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_TOKEN_BYTES || bytes > MAX_TOKEN_BYTES) {
    throw new RangeError(`a token needs between ${MIN_TOKEN_BYTES} and ${MAX_TOKEN_BYTES} random bytes`);
  }
  return randomBytes(bytes).toString('base64url');
}

// A per-process key: the HMACs below only need to be equal for equal inputs within one call.
const COMPARE_KEY = randomBytes(32);

/**
 * Compares two secrets in constant time. Both sides are HMACed first, so the final comparison
 * always runs over 32 bytes and neither the contents nor the lengths shape its timing.
 * A non-string on either side never matches.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ha = createHmac('sha256', COMPARE_KEY).update(a, 'utf8').digest();
  const hb = createHmac('sha256', COMPARE_KEY).update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
