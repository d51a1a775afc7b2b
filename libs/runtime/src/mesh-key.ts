import { hkdfSync } from 'node:crypto';

/** Derives the key services present to each other's gRPC servers from the secret key. */
export function deriveMeshKey(secretKey: string): string {
  return Buffer.from(hkdfSync('sha256', secretKey, 'authmesh', 'authmesh mesh key v1', 32)).toString('base64url');
}
