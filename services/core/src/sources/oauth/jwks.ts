import type { JsonWebKeySet } from './oauth-source.entity.js';

const MAX_KEYS = 100;
const MAX_JSON_LENGTH = 256 * 1024;
/** Members that only private or symmetric keys have. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const PUBLIC_KEY_TYPES = new Set(['RSA', 'EC', 'OKP']);

/**
 * Checks a JSON Web Key Set a source trusts: an object whose `keys` are public RSA, EC or OKP
 * keys. Private or symmetric keys are refused: a JWKS is published data, and a secret there
 * would let anyone who reads the configuration sign assertions. Answers the problem, or null.
 */
export function jwksProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Must be a JSON object.';
  if (JSON.stringify(value).length > MAX_JSON_LENGTH) return 'The key set is too large.';
  const keys = (value as JsonWebKeySet).keys;
  // The reference product stores `{}` for "no keys".
  if (keys === undefined) return Object.keys(value).length === 0 ? null : 'A key set needs a "keys" list.';
  if (!Array.isArray(keys)) return '"keys" must be a list.';
  if (keys.length > MAX_KEYS) return `A key set may hold at most ${MAX_KEYS} keys.`;
  for (const [i, key] of keys.entries()) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) return `Key ${i} is not a JSON object.`;
    const kty = (key as { kty?: unknown }).kty;
    if (typeof kty !== 'string' || !PUBLIC_KEY_TYPES.has(kty)) return `Key ${i} must be an RSA, EC or OKP public key.`;
    if (PRIVATE_MEMBERS.some((member) => member in key)) return `Key ${i} contains private key material.`;
  }
  return null;
}
