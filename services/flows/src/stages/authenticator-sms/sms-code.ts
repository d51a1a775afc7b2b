import { createHmac, randomInt } from 'node:crypto';
import { secretsEqual } from '@authmesh/http';

/** How long a texted code works. */
const CODE_TTL_MS = 5 * 60_000;

/** A texted code as the plan keeps it: only a keyed digest, with its expiry and purpose. */
export interface PendingCode {
  digest: string;
  expires: number;
  /** What the code proves: a phone number being enrolled, or a device being used. */
  subject: string;
}

/** A new six-digit code and the record to keep of it. */
export function newCode(secret: string, subject: string): { code: string; pending: PendingCode } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return { code, pending: { digest: digestOf(secret, subject, code), expires: Date.now() + CODE_TTL_MS, subject } };
}

/** Whether a typed code matches a pending one that has not expired. */
export function codeMatches(secret: string, pending: PendingCode | undefined, code: string): boolean {
  if (!pending || Date.now() > pending.expires) return false;
  return secretsEqual(digestOf(secret, pending.subject, code.replace(/\s+/g, '')), pending.digest);
}

function digestOf(secret: string, subject: string, code: string): string {
  return createHmac('sha256', secret).update(`${subject}:${code}`).digest('base64url');
}
