import { assertValidSubject, subjectIsWithin, subjectMatches } from './subject.js';

describe('subjectMatches', () => {
  it.each([
    ['a.b.c', 'a.b.c', true],
    ['a.b.c', 'a.b.d', false],
    ['a.*.c', 'a.b.c', true],
    ['a.*.c', 'a.b.d', false],
    ['a.*', 'a.b.c', false],
    ['*', 'a', true],
    ['*', 'a.b', false],
    ['a.>', 'a.b.c', true],
    ['a.>', 'a.b', true],
    ['a.>', 'a', false],
    ['a.>', 'b.c', false],
    ['>', 'a', true],
    ['>', 'a.b.c', true],
    ['a.b', 'a.b.c', false],
    ['a.b.c', 'a.b', false],
    ['a.>.c', 'a.b.c', false],
    ['a*.b', 'ab.b', false],
    ['authmesh.events.v1.>', 'authmesh.events.v1.created', true],
    ['authmesh.events.v1.>', 'authmesh.config.v1.changed', false],
  ])('pattern %s against %s is %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

describe('subjectIsWithin', () => {
  it.each([
    ['a.b.c', 'a.>', true],
    ['a.>', 'a.>', true],
    ['a.b.>', 'a.>', true],
    ['a.*', 'a.>', true],
    ['a.*.c', 'a.*.c', true],
    ['a.b.c', 'a.*.c', true],
    ['a.*.c', 'a.b.c', false],
    ['a.>', 'a.*', false],
    ['a.>', 'a.b.>', false],
    ['a', 'a.>', false],
    ['b.c', 'a.>', false],
    ['a.b', 'a.b.c', false],
    ['a.b.c', 'a.b', false],
  ])('%s within %s is %s', (pattern, scope, expected) => {
    expect(subjectIsWithin(pattern, scope)).toBe(expected);
  });
});

describe('assertValidSubject', () => {
  it.each(['a', 'a.b.c', 'authmesh.events.v1.created', 'a-b.c_d'])('accepts the literal subject %s', (subject) => {
    expect(() => assertValidSubject(subject, { wildcards: false })).not.toThrow();
  });

  it.each(['', 'a..b', '.a', 'a.', 'a b', 'a.\tb'])('refuses the malformed subject %j', (subject) => {
    expect(() => assertValidSubject(subject, { wildcards: true })).toThrow(/invalid subject/);
  });

  it('refuses wildcards where only a literal subject is allowed', () => {
    expect(() => assertValidSubject('a.*', { wildcards: false })).toThrow(/wildcards/);
    expect(() => assertValidSubject('a.>', { wildcards: false })).toThrow(/wildcards/);
  });

  it('accepts wildcards in patterns, with ">" only at the end', () => {
    expect(() => assertValidSubject('a.*.c', { wildcards: true })).not.toThrow();
    expect(() => assertValidSubject('a.>', { wildcards: true })).not.toThrow();
    expect(() => assertValidSubject('a.>.c', { wildcards: true })).toThrow(/last token/);
  });
});
