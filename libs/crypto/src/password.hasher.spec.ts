import { pbkdf2Sync } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, PasswordHasher, PasswordTooLongError } from './password.hasher';

const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

function djangoHash(password: string, salt: string, iterations: number): string {
  return `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64')}`;
}

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(cheap);

  it('hashes with argon2id and verifies the same password', async () => {
    const encoded = await hasher.hash('s3cret pass');
    expect(encoded.startsWith('$argon2id$')).toBe(true);
    expect(await hasher.verify('s3cret pass', encoded)).toEqual({ valid: true, needsRehash: false });
    expect((await hasher.verify('s3cret pasS', encoded)).valid).toBe(false);
  });

  it('verifies Django pbkdf2_sha256 hashes and asks for a rehash', async () => {
    const encoded = djangoHash('authmesh', 'saltsalt', 1000);
    expect(await hasher.verify('authmesh', encoded)).toEqual({ valid: true, needsRehash: true });
    expect((await hasher.verify('authmesH', encoded)).valid).toBe(false);
  });

  it('asks for a rehash when the argon2 parameters are weaker than configured', async () => {
    const weak = await hasher.hash('pw');
    const strong = new PasswordHasher({ memoryCost: 2048, timeCost: 2, parallelism: 1 });
    expect(await strong.verify('pw', weak)).toEqual({ valid: true, needsRehash: true });
  });

  it.each([
    ['', null],
    ['!unusable', 'unusable Django password'],
    ['pbkdf2_sha256$abc$salt$hash', 'bad iterations'],
    ['$argon2id$garbage', 'garbage argon2'],
    ['md5$x$y', 'unknown algorithm'],
  ])('treats %p (%s) as not matching without throwing', async (encoded) => {
    expect(await hasher.verify('anything', encoded)).toEqual({ valid: false, needsRehash: false });
  });

  it('refuses to hash over-long passwords and never matches them', async () => {
    const long = 'a'.repeat(MAX_PASSWORD_LENGTH + 1);
    await expect(hasher.hash(long)).rejects.toBeInstanceOf(PasswordTooLongError);
    const encoded = await hasher.hash('a'.repeat(MAX_PASSWORD_LENGTH));
    expect((await hasher.verify(long, encoded)).valid).toBe(false);
  });

  it('spends work on dummy verification and never succeeds', async () => {
    expect(await hasher.verifyDummy('authmesh dummy password for unknown users')).toBe(false);
  });
});
