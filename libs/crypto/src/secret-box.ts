import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Thrown when a sealed value is malformed, was altered, or was sealed with another key. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** Shortest installation secret accepted, in characters. */
export const MIN_SECRET_KEY_LENGTH = 32;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Changing the salt or an info label makes every stored secret and token digest unreadable.
const HKDF_SALT = 'authmesh';
const ENCRYPTION_INFO = 'authmesh secret-box v1';
const DIGEST_INFO = 'authmesh digest v1';

function deriveKey(secretKey: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, HKDF_SALT, info, 32));
}

/**
 * Encrypts secrets at rest with AES-256-GCM under a key derived (HKDF-SHA256) from the
 * installation secret, and computes keyed digests under a second, independent key so that
 * tokens can be looked up without being stored in clear.
 */
export class SecretBox {
  private readonly encryptionKey: Buffer;
  private readonly digestKey: Buffer;

  constructor(secretKey: string) {
    if (typeof secretKey !== 'string' || secretKey.length < MIN_SECRET_KEY_LENGTH) {
      throw new SecretBoxError(`the secret key must be at least ${MIN_SECRET_KEY_LENGTH} characters`);
    }
    this.encryptionKey = deriveKey(secretKey, ENCRYPTION_INFO);
    this.digestKey = deriveKey(secretKey, DIGEST_INFO);
  }

  /** Encrypts a string into `v1.<iv>.<ciphertext>.<tag>` (base64url parts), with a fresh IV each time. */
  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'))].join('.');
  }

  /** Decrypts a sealed value; throws SecretBoxError when it is malformed, altered or sealed with another key. */
  open(sealed: string): string {
    const parts = typeof sealed === 'string' ? sealed.split('.') : [];
    if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((part) => /^[A-Za-z0-9_-]*$/.test(part))) {
      throw new SecretBoxError('not a sealed value');
    }
    const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('not a sealed value');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed value was altered or sealed with another key');
    }
  }

  /** Keyed digest (HMAC-SHA256, lower-case hex) of a value, for lookups by a secret without storing it. */
  digest(value: string): string {
    return createHmac('sha256', this.digestKey).update(value, 'utf8').digest('hex');
  }
}
