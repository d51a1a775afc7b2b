import { formEncoded, wantsJson } from './github-token-response.js';

describe("GitHub's token answer format", () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['text/html, application/json', true],
    [undefined, false],
    ['*/*', false],
    ['application/jsonp', false],
    ['application/x-www-form-urlencoded', false],
  ])('Accept %s asks for JSON: %s', (accept, json) => {
    expect(wantsJson(accept)).toBe(json);
  });

  it('encodes tokens and errors as a form, leaving out empty values', () => {
    const body = formEncoded({ access_token: 'a.b+c', token_type: 'Bearer', expires_in: 300, scope: 'openid email', id_token: null });
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      access_token: 'a.b+c',
      token_type: 'Bearer',
      expires_in: '300',
      scope: 'openid email',
    });
    expect(formEncoded({ error: 'invalid_grant', error_description: 'grant request is invalid' })).toBe(
      'error=invalid_grant&error_description=grant+request+is+invalid',
    );
  });
});
