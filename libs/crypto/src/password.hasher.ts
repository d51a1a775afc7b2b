import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hash as argon2Hash, parseOptions as argon2ParseOptions, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';

const pbkdf2Async = promisify(pbkdf2);

/**
 * `Algorithm` is a const enum in @node-rs/argon2's typings with no runtime object behind it,
 * so code compiled per file (swc in tests) cannot read `Algorithm.Argon2id`; name the value here.
 */
const ARGON2ID: Algorithm.Argon2id = 2;
const ARGON2I: Algorithm.Argon2i = 1;
const ARGON2_VERSION_13 = 1;

/** Longest password accepted, in characters; longer input is refused before any hashing work. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Thrown by `PasswordHasher.hash` for a password longer than `MAX_PASSWORD_LENGTH`. */
export class PasswordTooLongError extends Error {
  readonly maxLength = MAX_PASSWORD_LENGTH;

  constructor() {
    super(`passwords may not be longer than ${MAX_PASSWORD_LENGTH} characters`);
    this.name = 'PasswordTooLongError';
  }
}

export interface Argon2Parameters {
  /** Memory in KiB. */
  memoryCost: number;
  /** Passes over memory. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
}

/** OWASP's minimum recommendation for argon2id (19 MiB, 2 passes, 1 lane). */
export const DEFAULT_ARGON2: Readonly<Argon2Parameters> = Object.freeze({ memoryCost: 19456, timeCost: 2, parallelism: 1 });

/**
 * Stored hashes asking for more than this are treated as unusable: a hash planted in the
 * database (or an import) must not be able to make one login allocate gigabytes or spin for minutes.
 */
const STORED_ARGON2_LIMITS: Readonly<Argon2Parameters> = { memoryCost: 1024 * 1024, timeCost: 64, parallelism: 64 };
const MAX_PBKDF2_ITERATIONS = 10_000_000;

export interface PasswordCheck {
  valid: boolean;
  /** Only ever true when `valid`: the stored hash is of an older kind or weaker parameters, store a new one. */
  needsRehash: boolean;
}

const INVALID: PasswordCheck = Object.freeze({ valid: false, needsRehash: false });
const DUMMY_PASSWORD = 'authmesh dummy password for unknown users';

/** The ways a stored password can be encoded, as far as `verify` is concerned. */
type StoredHash =
  | { kind: 'argon2'; phc: string; foreign: boolean }
  | { kind: 'pbkdf2_sha256'; iterations: number; salt: string; expected: Buffer }
  | { kind: 'unusable' };

/**
 * Hashes passwords with argon2id and verifies them. Hashing and verification run on libuv's
 * thread pool, never on the event loop. Besides our own PHC strings it verifies the Django
 * hashes the reference product stores (`pbkdf2_sha256$...`, and `argon2$argon2id$...`), and
 * asks for a rehash when one of those (or a weaker argon2id hash) verifies.
 */
export class PasswordHasher {
  private readonly params: Readonly<Argon2Parameters>;
  private dummyHash?: Promise<string>;

  constructor(params: Argon2Parameters = DEFAULT_ARGON2) {
    for (const [name, value] of Object.entries(params)) {
      if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`argon2 ${name} must be a positive integer`);
    }
    this.params = Object.freeze({ memoryCost: params.memoryCost, timeCost: params.timeCost, parallelism: params.parallelism });
  }

  /** Hashes a password into an argon2id PHC string; throws PasswordTooLongError above the length cap. */
  async hash(password: string): Promise<string> {
    if (password.length > MAX_PASSWORD_LENGTH) throw new PasswordTooLongError();
    return argon2Hash(password, { algorithm: ARGON2ID, ...this.params });
  }

  /**
   * Checks a password against a stored hash. Never throws: empty, unusable (`!...`), unknown
   * or malformed encodings do not match, after the same work as `verifyDummy` so such accounts
   * look like unknown ones. An over-long password does not match and costs no hashing at all
   * (as in `verifyDummy`), so it cannot be used to burn CPU.
   */
  async verify(password: string, encoded: string | null | undefined): Promise<PasswordCheck> {
    if (!acceptablePassword(password)) return INVALID;
    const stored = parseStoredHash(encoded);
    try {
      switch (stored.kind) {
        case 'argon2': {
          const valid = await argon2Verify(stored.phc, password);
          return { valid, needsRehash: valid && (stored.foreign || this.isWeaker(stored.phc)) };
        }
        case 'pbkdf2_sha256': {
          const derived = await pbkdf2Async(password, stored.salt, stored.iterations, stored.expected.length, 'sha256');
          const valid = timingSafeEqual(derived, stored.expected);
          return { valid, needsRehash: valid };
        }
        case 'unusable':
          await this.verifyDummy(password);
          return INVALID;
      }
    } catch {
      return INVALID;
    }
  }

  /**
   * Spends the work of a real verification against a fixed dummy hash and returns false; call
   * it when the user does not exist so timing does not reveal which usernames are taken.
   */
  async verifyDummy(password: string): Promise<false> {
    if (!acceptablePassword(password)) return false;
    // Made once per hasher, with this hasher's parameters, so its cost tracks real hashes.
    this.dummyHash ??= this.hash(DUMMY_PASSWORD);
    try {
      await argon2Verify(await this.dummyHash, password);
    } catch {
      // The outcome is ignored; only the time spent matters.
    }
    return false;
  }

  private isWeaker(phc: string): boolean {
    const stored = argon2ParseOptions(phc);
    return (
      stored.algorithm !== ARGON2ID ||
      stored.version !== ARGON2_VERSION_13 ||
      stored.memoryCost < this.params.memoryCost ||
      stored.timeCost < this.params.timeCost ||
      stored.parallelism < this.params.parallelism ||
      stored.outputLen < 32 ||
      stored.saltLen < 16
    );
  }
}

function acceptablePassword(password: unknown): password is string {
  return typeof password === 'string' && password.length <= MAX_PASSWORD_LENGTH;
}

function parseStoredHash(encoded: string | null | undefined): StoredHash {
  if (typeof encoded !== 'string' || encoded === '') return { kind: 'unusable' };
  if (encoded.startsWith('$argon2')) return parseArgon2(encoded, false);
  // Django prefixes the argon2-cffi PHC string with its hasher name.
  if (encoded.startsWith('argon2$argon2')) return parseArgon2(encoded.slice('argon2'.length), true);
  if (encoded.startsWith('pbkdf2_sha256$')) return parseDjangoPbkdf2(encoded);
  // Includes Django's unusable passwords, which start with '!'.
  return { kind: 'unusable' };
}

function parseArgon2(phc: string, foreign: boolean): StoredHash {
  let options;
  try {
    options = argon2ParseOptions(phc);
  } catch {
    return { kind: 'unusable' };
  }
  const supported = options.algorithm === ARGON2ID || options.algorithm === ARGON2I;
  const bounded =
    options.memoryCost <= STORED_ARGON2_LIMITS.memoryCost &&
    options.timeCost <= STORED_ARGON2_LIMITS.timeCost &&
    options.parallelism <= STORED_ARGON2_LIMITS.parallelism;
  return supported && bounded ? { kind: 'argon2', phc, foreign: foreign || options.algorithm !== ARGON2ID } : { kind: 'unusable' };
}

/** Django's `pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte PBKDF2-HMAC-SHA256 output>`. */
function parseDjangoPbkdf2(encoded: string): StoredHash {
  const parts = encoded.split('$');
  if (parts.length !== 4) return { kind: 'unusable' };
  const [, iterationsText, salt, hashB64] = parts;
  if (!/^[1-9]\d{0,7}$/.test(iterationsText) || salt === '' || !/^[A-Za-z0-9+/]{43}=$/.test(hashB64)) return { kind: 'unusable' };
  const iterations = Number(iterationsText);
  if (iterations > MAX_PBKDF2_ITERATIONS) return { kind: 'unusable' };
  return { kind: 'pbkdf2_sha256', iterations, salt, expected: Buffer.from(hashB64, 'base64') };
}
