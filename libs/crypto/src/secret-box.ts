import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

function derive(secretKey: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'authmesh', info, 32));
}

/**
 * Encrypts secrets at rest (AES-256-GCM with a key derived from the installation secret)
 * and computes keyed digests for looking secrets up without storing them in clear.
 */
export class SecretBox {
  private readonly encryptionKey: Buffer;
  private readonly digestKey: Buffer;

  constructor(secretKey: string) {
    if (secretKey.length < 32) throw new SecretBoxError('the secret key must be at least 32 characters');
    this.encryptionKey = derive(secretKey, 'authmesh secret-box v1');
    this.digestKey = derive(secretKey, 'authmesh digest v1');
  }

  /** Returns `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Decrypts a sealed value; throws SecretBoxError when it was altered or sealed with another key. */
  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new SecretBoxError('not a sealed value');
    const [iv, ciphertext, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    if (iv.length !== 12 || tag.length !== 16) throw new SecretBoxError('not a sealed value');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('sealed value was altered or sealed with another key');
    }
  }

  /** Keyed SHA-256 digest (hex) of a value. */
  digest(value: string): string {
    return createHmac('sha256', this.digestKey).update(value, 'utf8').digest('hex');
  }
}
