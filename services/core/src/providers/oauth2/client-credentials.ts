import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string from a URL- and form-safe alphabet (unbiased: randomInt rejects out-of-range draws). */
function randomString(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A new client id: 40 characters, as the reference product generates them. */
export function generateClientId(): string {
  return randomString(40);
}

/** A new client secret: 128 characters (~762 bits). */
export function generateClientSecret(): string {
  return randomString(128);
}
