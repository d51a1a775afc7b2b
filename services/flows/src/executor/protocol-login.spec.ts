import { splitCodeBasedMfa } from './protocol-login.js';

describe('splitCodeBasedMfa', () => {
  it('splits a trailing ";" and 6 to 8 digits off the password when enabled', () => {
    expect(splitCodeBasedMfa('secret;123456', true)).toEqual({ password: 'secret', code: '123456' });
    expect(splitCodeBasedMfa('a;b;12345678', true)).toEqual({ password: 'a;b', code: '12345678' });
    expect(splitCodeBasedMfa(';123456', true)).toEqual({ password: '', code: '123456' });
  });

  it('leaves the password whole when disabled or when the tail is not a code', () => {
    expect(splitCodeBasedMfa('secret;123456', false)).toEqual({ password: 'secret;123456' });
    for (const password of ['secret', 'secret;12345', 'secret;123456789', 'secret;12345a', 'secret;123456 ', 'secret123456']) {
      expect(splitCodeBasedMfa(password, true)).toEqual({ password });
    }
  });
});
