import { createHash, createHmac } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box.js';

const KEY = 'a-secret-key-that-is-long-enough-for-tests-0001';

function flipFirstByte(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[0] ^= 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('SecretBox', () => {
  const box = new SecretBox(KEY);

  it('round-trips secrets, including empty and non-ASCII ones', () => {
    for (const secret of ['hunter2', '', 'pässwörd ✓ 🔑', 'x'.repeat(10_000)]) {
      expect(box.open(box.seal(secret))).toBe(secret);
    }
  });

  it('seals into the versioned v1.<iv>.<ciphertext>.<tag> form without the clear text', () => {
    const sealed = box.seal('hunter2');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain('hunter2');
    expect(sealed).not.toContain(Buffer.from('hunter2').toString('base64url'));
  });

  it('uses a fresh IV for every seal', () => {
    const a = box.seal('hunter2');
    const b = box.seal('hunter2');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it.each([
    [1, 'IV'],
    [2, 'ciphertext'],
    [3, 'tag'],
  ])('detects a flipped bit in the %s part (%s)', (index) => {
    const sealed = box.seal('hunter2');
    expect(() => box.open(flipFirstByte(sealed, index))).toThrow(SecretBoxError);
  });

  it('detects a truncated ciphertext', () => {
    const parts = box.seal('hunter2 and more').split('.');
    parts[2] = parts[2].slice(0, -4);
    expect(() => box.open(parts.join('.'))).toThrow(SecretBoxError);
  });

  it('cannot open values sealed with another key', () => {
    const other = new SecretBox(`${KEY}-other`);
    expect(() => other.open(box.seal('x'))).toThrow(SecretBoxError);
    expect(() => box.open(other.seal('x'))).toThrow('altered or sealed with another key');
  });

  it.each([
    ['', 'empty'],
    ['nonsense', 'no parts'],
    ['v2.a.b.c', 'an unknown version'],
    ['v1.a.b', 'too few parts'],
    ['v1.a.b.c.d', 'too many parts'],
    ['v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA', 'a well-formed forgery'],
    ['v1.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA', 'a short IV'],
    ['v1.AAAAAAAAAAAAAAAA.AAAA.AAAA', 'a short tag'],
    ['v1.AAAAAAAAAAAAAAAA.AA+A.AAAAAAAAAAAAAAAAAAAAAA', 'non-base64url characters'],
  ])('refuses %p (%s) with a SecretBoxError', (sealed) => {
    expect(() => box.open(sealed)).toThrow(SecretBoxError);
  });

  it('computes a stable digest that depends on the key', () => {
    expect(box.digest('token')).toBe(new SecretBox(KEY).digest('token'));
    expect(box.digest('token')).not.toBe(new SecretBox(`${KEY}-other`).digest('token'));
    expect(box.digest('token')).not.toBe(box.digest('token2'));
    expect(box.digest('token')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('digests with a derived key, not a plain hash nor an HMAC under the raw secret', () => {
    expect(box.digest('token')).not.toBe(createHash('sha256').update('token').digest('hex'));
    expect(box.digest('token')).not.toBe(createHmac('sha256', KEY).update('token').digest('hex'));
  });

  it('refuses a secret key shorter than 32 characters', () => {
    expect(() => new SecretBox('short')).toThrow(SecretBoxError);
    expect(() => new SecretBox('x'.repeat(31))).toThrow(SecretBoxError);
    expect(() => new SecretBox('x'.repeat(32))).not.toThrow();
  });
});
