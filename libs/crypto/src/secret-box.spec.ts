import { SecretBox, SecretBoxError } from './secret-box';
import { constantTimeEqual, generateToken } from './tokens';

const KEY = 'a-secret-key-that-is-long-enough-for-tests-0001';

describe('SecretBox', () => {
  const box = new SecretBox(KEY);

  it('round-trips a secret and never returns the same ciphertext twice', () => {
    const a = box.seal('hunter2');
    expect(box.open(a)).toBe('hunter2');
    expect(box.seal('hunter2')).not.toBe(a);
    expect(a).not.toContain('hunter2');
  });

  it('detects tampering', () => {
    const sealed = box.seal('hunter2');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[2], 'base64url');
    flipped[0] ^= 1;
    parts[2] = flipped.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow(SecretBoxError);
  });

  it('cannot open values sealed with another key', () => {
    const other = new SecretBox(`${KEY}-other`);
    expect(() => other.open(box.seal('x'))).toThrow(SecretBoxError);
  });

  it('refuses malformed input', () => {
    expect(() => box.open('v2.a.b.c')).toThrow(SecretBoxError);
    expect(() => box.open('nonsense')).toThrow(SecretBoxError);
  });

  it('computes stable keyed digests', () => {
    expect(box.digest('token')).toBe(new SecretBox(KEY).digest('token'));
    expect(box.digest('token')).not.toBe(new SecretBox(`${KEY}-other`).digest('token'));
    expect(box.digest('token')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a short secret key', () => {
    expect(() => new SecretBox('short')).toThrow(SecretBoxError);
  });
});

describe('tokens', () => {
  it('generates distinct url-safe tokens', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('compares secrets', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
