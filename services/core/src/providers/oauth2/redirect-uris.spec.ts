import { backchannelLogoutUriSchema, redirectUrisSchema, regexUriProblem, strictUriProblem } from './redirect-uris.js';

describe('redirect URI registration', () => {
  it.each(['https://app.example.com/cb', 'http://localhost:8080/cb?x=1', 'com.example.app:/oauth2redirect'])('accepts %s', (url) => {
    expect(strictUriProblem(url)).toBeNull();
  });

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['data:text/html,hi', 'data:'],
    ['vbscript:msgbox', 'vbscript:'],
    ['file:///etc/passwd', 'file:'],
  ])('refuses %s by its scheme', (url, scheme) => {
    expect(strictUriProblem(url)).toContain(scheme);
  });

  it('refuses relative URLs and fragments', () => {
    expect(strictUriProblem('/cb')).toMatch(/absolute/);
    expect(strictUriProblem('https://app.example.com/cb#x')).toMatch(/fragment/);
    expect(strictUriProblem('https://app.example.com/cb#')).toMatch(/fragment/);
  });

  it('checks that regex entries compile', () => {
    expect(regexUriProblem('https://[a-z]+\\.example\\.com/cb')).toBeNull();
    expect(regexUriProblem('https://(a.example.com')).toMatch(/not a valid regular expression/);
  });

  it('reads the newline format as strict entries only', () => {
    expect(redirectUrisSchema.parse('https://a.example.com/.*\r\n\n https://b.example.com/cb ')).toEqual([
      { matching_mode: 'strict', url: 'https://a.example.com/.*' },
      { matching_mode: 'strict', url: 'https://b.example.com/cb' },
    ]);
  });

  it('refuses a list with any bad entry', () => {
    const result = redirectUrisSchema.safeParse([{ url: 'https://ok.example.com/' }, { matching_mode: 'strict', url: 'javascript:x' }]);
    expect(result.success).toBe(false);
  });
});

describe('backchannelLogoutUriSchema', () => {
  it.each(['', 'https://app.example.com/logout', 'http://10.0.0.5:8080/oidc/backchannel?x=1'])('accepts %j', (url) => {
    expect(backchannelLogoutUriSchema.safeParse(url).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'com.example.app:/logout', '/relative', 'https://app.example.com/x#f', 'ftp://app.example.com/'])(
    'refuses %j',
    (url) => {
      expect(backchannelLogoutUriSchema.safeParse(url).success).toBe(false);
    },
  );
});
