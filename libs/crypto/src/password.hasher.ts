import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Algorithm, hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

const pbkdf2Async = promisify(pbkdf2);

/** Longest password accepted; longer input is refused before any hashing work. */
export const MAX_PASSWORD_LENGTH = 1024;

export class PasswordTooLongError extends Error {
  constructor() {
    super(`passwords may not be longer than ${MAX_PASSWORD_LENGTH} characters`);
    this.name = 'PasswordTooLongError';
  }
}

export interface Argon2Parameters {
  /** Memory in KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's recommended minimum for argon2id. */
export const DEFAULT_ARGON2: Argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export interface PasswordCheck {
  valid: boolean;
  /** The stored hash is of an older kind or weaker parameters: store a new one. */
  needsRehash: boolean;
}

const INVALID: PasswordCheck = { valid: false, needsRehash: false };
const ARGON2_PARAMS = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

/**
 * Hashes passwords with argon2id (on libuv's thread pool, off the event loop) and verifies
 * both our hashes and Django `pbkdf2_sha256$...` hashes imported from the reference product.
 */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly params: Argon2Parameters = DEFAULT_ARGON2) {}

  async hash(password: string): Promise<string> {
    if (password.length > MAX_PASSWORD_LENGTH) throw new PasswordTooLongError();
    return argon2Hash(password, { algorithm: Algorithm.Argon2id, ...this.params });
  }

  /** Never throws: unknown, malformed or unusable hashes simply do not match. */
  async verify(password: string, encoded: string | null | undefined): Promise<PasswordCheck> {
    // Over-long input is refused without hashing, so it cannot be used to burn CPU.
    if (password.length > MAX_PASSWORD_LENGTH || !encoded) return INVALID;
    try {
      if (encoded.startsWith('$argon2id$')) {
        const valid = await argon2Verify(encoded, password);
        return { valid, needsRehash: valid && this.weakerThanCurrent(encoded) };
      }
      if (encoded.startsWith('pbkdf2_sha256$')) {
        const valid = await verifyDjangoPbkdf2(password, encoded);
        return { valid, needsRehash: valid };
      }
    } catch {
      return INVALID;
    }
    return INVALID;
  }

  /**
   * Spends the same work as a real verification, for logins naming a user that does not
   * exist, so response times do not reveal which usernames are taken.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash('authmesh dummy password for unknown users');
    await argon2Verify(await this.dummy, password.slice(0, MAX_PASSWORD_LENGTH)).catch(() => false);
    return false;
  }

  private weakerThanCurrent(encoded: string): boolean {
    const match = ARGON2_PARAMS.exec(encoded);
    if (!match) return true;
    const [m, t, p] = match.slice(1).map(Number);
    return m < this.params.memoryCost || t < this.params.timeCost || p < this.params.parallelism;
  }
}

/** Django's `pbkdf2_sha256$<iterations>$<salt>$<base64 sha256 derived key>`. */
async function verifyDjangoPbkdf2(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 4) return false;
  const [, iterationsText, salt, expectedB64] = parts;
  const iterations = Number(iterationsText);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000 || !salt) return false;
  const expected = Buffer.from(expectedB64, 'base64');
  if (expected.length !== 32) return false;
  const derived = await pbkdf2Async(password, salt, iterations, 32, 'sha256');
  return timingSafeEqual(derived, expected);
}
