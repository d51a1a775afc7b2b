import { MAX_PATH_LENGTH, parseRequestTarget } from './request-target.js';

describe('parseRequestTarget', () => {
  it('returns the path without the query', () => {
    expect(parseRequestTarget('/api/v3/core/users/?search=a/../b')).toEqual({ ok: true, path: '/api/v3/core/users/' });
  });

  it('refuses a path longer than the limit with 414, but not a long query', () => {
    expect(parseRequestTarget(`/${'a'.repeat(MAX_PATH_LENGTH)}`)).toMatchObject({ ok: false, status: 414 });
    expect(parseRequestTarget(`/${'a'.repeat(MAX_PATH_LENGTH - 1)}`)).toMatchObject({ ok: true });
    expect(parseRequestTarget(`/x/?q=${'a'.repeat(MAX_PATH_LENGTH)}`)).toMatchObject({ ok: true });
  });

  it.each(['/api/v3/events/../core/', '/api/v3/events/%2e%2E/core/', '/api/v3/./x', '/flows/.%2e', '/a/%2E'])(
    'refuses the dot segment in %s',
    (url) => {
      expect(parseRequestTarget(url)).toMatchObject({ ok: false, status: 400 });
    },
  );

  it('accepts dots inside a segment', () => {
    expect(parseRequestTarget('/api/v3/core/users/a..b/.well-known')).toMatchObject({ ok: true });
  });

  it('refuses targets that are not origin-form', () => {
    expect(parseRequestTarget('http://evil.example/api/v3/')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestTarget('*')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestTarget(undefined)).toMatchObject({ ok: false, status: 400 });
  });
});
