import { redirectUriAllowed } from './redirect-uri.js';

const strict = (url: string) => ({ matching_mode: 'strict', url });
const regex = (url: string) => ({ matching_mode: 'regex', url });

describe('redirect URI matching', () => {
  it('matches strict entries after URL parsing', () => {
    const registered = [strict('https://app.example.com/cb')];
    expect(redirectUriAllowed('https://app.example.com/cb', registered)).toBe(true);
    expect(redirectUriAllowed('https://APP.example.com:443/cb', registered)).toBe(true);
  });

  it.each([
    'https://app.example.com/cb/',
    'https://app.example.com/cb?x=1',
    'https://app.example.com:8443/cb',
    'http://app.example.com/cb',
    'https://app.example.com.evil.com/cb',
    'https://evil.com/https://app.example.com/cb',
    'https://app.example.com@evil.com/cb',
    'https://app.example.com/cb#x',
    'https://app.example.com/CB',
  ])('refuses the look-alike %s of a strict entry', (candidate) => {
    expect(redirectUriAllowed(candidate, [strict('https://app.example.com/cb')])).toBe(false);
  });

  it('anchors regex entries to the whole URI', () => {
    const registered = [regex('https://[a-z]+\\.example\\.com/cb')];
    expect(redirectUriAllowed('https://tenant.example.com/cb', registered)).toBe(true);
    expect(redirectUriAllowed('https://tenant.example.com/cb/more', registered)).toBe(false);
    expect(redirectUriAllowed('https://evil.com/?https://tenant.example.com/cb', registered)).toBe(false);
  });

  it('never allows script or data URIs, even when a regex would match them', () => {
    const registered = [regex('.*')];
    expect(redirectUriAllowed('javascript:alert(1)', registered)).toBe(false);
    expect(redirectUriAllowed('data:text/html,x', registered)).toBe(false);
    expect(redirectUriAllowed('https://anything.example/cb', registered)).toBe(true);
  });

  it('matches nothing with no entries, unknown modes or broken patterns', () => {
    expect(redirectUriAllowed('https://app.example.com/cb', [])).toBe(false);
    expect(redirectUriAllowed('https://app.example.com/cb', [{ matching_mode: 'prefix', url: 'https://app.example.com/' }])).toBe(false);
    expect(redirectUriAllowed('https://app.example.com/cb', [regex('(')])).toBe(false);
  });
});
