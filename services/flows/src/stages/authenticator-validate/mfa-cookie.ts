import { createHmac } from 'node:crypto';
import { secretsEqual } from '@authmesh/http';

/** The cookie that remembers a recent second factor for the validation stage's threshold. */
export const MFA_COOKIE = 'authmesh_mfa';

/** A signed `user.time.mac` value: proof that this user passed MFA at that time, in this browser. */
export function signMfaCookie(secret: string, userPk: string, at = Date.now()): string {
  const payload = `${userPk}.${at}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** Whether the cookie proves MFA by this user within `maxAgeSeconds`. */
export function mfaCookieValid(secret: string, value: string | undefined, userPk: string, maxAgeSeconds: number): boolean {
  if (!value || maxAgeSeconds <= 0) return false;
  const [user, at, mac] = value.split('.');
  if (!user || !at || !mac || user !== userPk || !/^\d{1,15}$/.test(at)) return false;
  const expected = createHmac('sha256', secret).update(`${user}.${at}`).digest('base64url');
  if (!secretsEqual(mac, expected)) return false;
  const age = Date.now() - Number(at);
  return age >= 0 && age <= maxAgeSeconds * 1000;
}
