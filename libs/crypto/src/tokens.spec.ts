import { constantTimeEqual, generateToken, MIN_TOKEN_BYTES } from './tokens.js';

describe('generateToken', () => {
  it('generates 32 random bytes as unpadded base64url by default', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('generates the requested number of bytes', () => {
    expect(Buffer.from(generateToken(48), 'base64url')).toHaveLength(48);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken()));
    expect(tokens.size).toBe(1000);
  });

  it('refuses sizes too small to be secret, too large, or fractional', () => {
    expect(() => generateToken(MIN_TOKEN_BYTES - 1)).toThrow(RangeError);
    expect(() => generateToken(1025)).toThrow(RangeError);
    expect(() => generateToken(20.5)).toThrow(RangeError);
    expect(() => generateToken(MIN_TOKEN_BYTES)).not.toThrow();
  });
});

describe('constantTimeEqual', () => {
  it('matches equal strings', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('pässwörd', 'pässwörd')).toBe(true);
  });

  it('refuses strings that differ in content or length', () => {
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('abc', '')).toBe(false);
    expect(constantTimeEqual('a', 'A')).toBe(false);
  });

  it('refuses non-string input instead of throwing', () => {
    expect(constantTimeEqual(undefined as unknown as string, 'abc')).toBe(false);
    expect(constantTimeEqual('abc', null as unknown as string)).toBe(false);
  });
});
