import { mfaCookieValid, signMfaCookie } from './mfa-cookie.js';

describe('MFA cookie', () => {
  const secret = 'cookie-secret';

  it('proves a recent second factor of the same user', () => {
    expect(mfaCookieValid(secret, signMfaCookie(secret, '7'), '7', 60)).toBe(true);
  });

  it('is refused for another user, when too old, when forged, or when the threshold is zero', () => {
    const value = signMfaCookie(secret, '7');
    expect(mfaCookieValid(secret, value, '8', 60)).toBe(false);
    expect(mfaCookieValid(secret, signMfaCookie(secret, '7', Date.now() - 120_000), '7', 60)).toBe(false);
    expect(mfaCookieValid('other-secret', value, '7', 60)).toBe(false);
    expect(mfaCookieValid(secret, value.replace(/^7\./, '8.'), '8', 60)).toBe(false);
    expect(mfaCookieValid(secret, value, '7', 0)).toBe(false);
    expect(mfaCookieValid(secret, 'garbage', '7', 60)).toBe(false);
    expect(mfaCookieValid(secret, undefined, '7', 60)).toBe(false);
  });

  it('is refused when dated in the future', () => {
    expect(mfaCookieValid(secret, signMfaCookie(secret, '7', Date.now() + 60_000), '7', 600)).toBe(false);
  });
});
