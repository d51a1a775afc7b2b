import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token of `bytes` bytes, base64url encoded. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const COMPARE_KEY = randomBytes(32);

/**
 * Compares two secrets in constant time. Both sides are HMACed first, so neither their
 * contents nor their lengths shape the timing.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHmac('sha256', COMPARE_KEY).update(a).digest();
  const hb = createHmac('sha256', COMPARE_KEY).update(b).digest();
  return timingSafeEqual(ha, hb);
}
