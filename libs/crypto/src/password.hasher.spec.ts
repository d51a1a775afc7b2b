import { pbkdf2Sync } from 'node:crypto';
import { hash as argon2Hash } from '@node-rs/argon2';
import { MAX_PASSWORD_LENGTH, PasswordHasher, PasswordTooLongError } from './password.hasher.js';

// Cheap parameters keep the suite fast; production uses DEFAULT_ARGON2.
const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

function djangoPbkdf2(password: string, salt: string, iterations: number): string {
  const derived = pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64');
  return `pbkdf2_sha256$${iterations}$${salt}$${derived}`;
}

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(cheap);

  it('hashes into an argon2id PHC string with the configured parameters and a fresh salt', async () => {
    const first = await hasher.hash('s3cret pass');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await hasher.hash('s3cret pass')).not.toBe(first);
  });

  it('verifies the same password and refuses a different one', async () => {
    const encoded = await hasher.hash('s3cret pass');
    expect(await hasher.verify('s3cret pass', encoded)).toEqual({ valid: true, needsRehash: false });
    expect(await hasher.verify('s3cret pasS', encoded)).toEqual({ valid: false, needsRehash: false });
    expect(await hasher.verify('', encoded)).toEqual({ valid: false, needsRehash: false });
  });

  it('verifies a Django pbkdf2_sha256 hash and asks for a rehash', async () => {
    const encoded = djangoPbkdf2('authmesh', 'saltsalt', 1000);
    expect(await hasher.verify('authmesh', encoded)).toEqual({ valid: true, needsRehash: true });
    expect(await hasher.verify('authmesH', encoded)).toEqual({ valid: false, needsRehash: false });
  });

  it('matches the published PBKDF2-HMAC-SHA256 vector (password/salt/4096) in Django form', async () => {
    // dk = c5e478d5...aa98134a, written here in base64 independently of node:crypto.
    const encoded = 'pbkdf2_sha256$4096$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=';
    expect(await hasher.verify('password', encoded)).toEqual({ valid: true, needsRehash: true });
    expect((await hasher.verify('passwore', encoded)).valid).toBe(false);
  });

  it('verifies non-ASCII passwords as UTF-8, as Django does', async () => {
    const encoded = djangoPbkdf2('lètmein ✓', 'seasalt', 10);
    expect((await hasher.verify('lètmein ✓', encoded)).valid).toBe(true);
    expect((await hasher.verify('letmein ✓', encoded)).valid).toBe(false);
  });

  it('verifies Django argon2 hashes and asks for a rehash', async () => {
    const encoded = `argon2${await argon2Hash('from django', { ...cheap, algorithm: 2 })}`;
    expect(await hasher.verify('from django', encoded)).toEqual({ valid: true, needsRehash: true });
    expect((await hasher.verify('from djangO', encoded)).valid).toBe(false);
  });

  it('asks for a rehash when the argon2id parameters are weaker than configured', async () => {
    const weak = await hasher.hash('pw');
    const stronger = new PasswordHasher({ memoryCost: 2048, timeCost: 1, parallelism: 1 });
    expect(await stronger.verify('pw', weak)).toEqual({ valid: true, needsRehash: true });
    expect(await stronger.verify('px', weak)).toEqual({ valid: false, needsRehash: false });
  });

  it('does not ask for a rehash when the stored parameters are stronger than configured', async () => {
    const strong = await new PasswordHasher({ memoryCost: 2048, timeCost: 2, parallelism: 1 }).hash('pw');
    expect(await hasher.verify('pw', strong)).toEqual({ valid: true, needsRehash: false });
  });

  it('asks for a rehash of argon2i hashes', async () => {
    const encoded = await argon2Hash('pw', { ...cheap, algorithm: 1 });
    expect(encoded.startsWith('$argon2i$')).toBe(true);
    expect(await hasher.verify('pw', encoded)).toEqual({ valid: true, needsRehash: true });
  });

  it.each([
    ['', 'empty'],
    ['!Xb3kq0aZ8tTf1L0cC9pR2sU4vW6yA7dE', 'an unusable Django password'],
    ['!', 'a bare unusable marker'],
    ['pbkdf2_sha256$abc$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=', 'non-numeric iterations'],
    ['pbkdf2_sha256$1e3$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=', 'exponent iterations'],
    ['pbkdf2_sha256$0$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=', 'zero iterations'],
    ['pbkdf2_sha256$99999999$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=', 'absurd iterations'],
    ['pbkdf2_sha256$4096$$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=', 'an empty salt'],
    ['pbkdf2_sha256$4096$salt$c2hvcnQ=', 'a short hash'],
    ['pbkdf2_sha256$4096$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=$extra', 'extra fields'],
    ['pbkdf2_sha1$4096$salt$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=', 'an unsupported Django hasher'],
    ['$argon2id$garbage', 'garbage argon2'],
    ['$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o', 'argon2 asking for 4 GiB'],
    ['$argon2d$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o', 'argon2d'],
    ['md5$x$y', 'an unknown algorithm'],
    ['password', 'a clear-text value'],
  ])('treats %p (%s) as not matching without throwing', async (encoded) => {
    expect(await hasher.verify('password', encoded)).toEqual({ valid: false, needsRehash: false });
  });

  it('treats a missing hash or a non-string password as not matching', async () => {
    expect(await hasher.verify('password', null)).toEqual({ valid: false, needsRehash: false });
    expect(await hasher.verify('password', undefined)).toEqual({ valid: false, needsRehash: false });
    const encoded = await hasher.hash('password');
    expect(await hasher.verify(undefined as unknown as string, encoded)).toEqual({ valid: false, needsRehash: false });
  });

  it('refuses to hash a password above the length cap and accepts one at the cap', async () => {
    const long = 'a'.repeat(MAX_PASSWORD_LENGTH + 1);
    await expect(hasher.hash(long)).rejects.toBeInstanceOf(PasswordTooLongError);
    const atCap = 'a'.repeat(MAX_PASSWORD_LENGTH);
    expect((await hasher.verify(atCap, await hasher.hash(atCap))).valid).toBe(true);
  });

  it('never matches a password above the length cap, even when its prefix is right', async () => {
    const atCap = 'a'.repeat(MAX_PASSWORD_LENGTH);
    const encoded = await hasher.hash(atCap);
    expect(await hasher.verify(`${atCap}a`, encoded)).toEqual({ valid: false, needsRehash: false });
  });

  it('never succeeds a dummy verification, not even with the dummy password', async () => {
    await expect(hasher.verifyDummy('authmesh dummy password for unknown users')).resolves.toBe(false);
    await expect(hasher.verifyDummy('anything')).resolves.toBe(false);
  });

  it('does the dummy argon2 verification for an unusable hash, and none for an over-long password', async () => {
    // The work itself is the point (no timing difference between unknown and real users);
    // the test checks that the work is done, without measuring time.
    const encoded = await hasher.hash('real password');
    const dummy = jest.spyOn(hasher, 'verifyDummy');
    await hasher.verify('wrong password', '!unusable');
    expect(dummy).toHaveBeenCalledTimes(1);
    await hasher.verify('x'.repeat(MAX_PASSWORD_LENGTH + 1), encoded);
    expect(dummy).toHaveBeenCalledTimes(1);
    dummy.mockRestore();
  });

  it('rejects non-positive or fractional parameters', () => {
    expect(() => new PasswordHasher({ ...cheap, memoryCost: 0 })).toThrow(RangeError);
    expect(() => new PasswordHasher({ ...cheap, timeCost: 1.5 })).toThrow(RangeError);
  });
});
