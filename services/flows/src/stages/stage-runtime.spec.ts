import { challenge, deny, invalid, next, stringField } from './stage-runtime.js';

describe('stage results', () => {
  it('builds each kind of result', () => {
    expect(next()).toEqual({ kind: 'next' });
    expect(deny('No.')).toEqual({ kind: 'deny', message: 'No.' });
    expect(challenge()).toEqual({ kind: 'challenge', challenge: {} });
    expect(challenge({ a: 1 })).toEqual({ kind: 'challenge', challenge: { a: 1 } });
  });

  it('marks an invalid response as a failed attempt only when asked', () => {
    expect(invalid({ f: ['x'] })).toEqual({ kind: 'invalid', errors: { f: ['x'] }, failedAttempt: false });
    expect(invalid({ f: ['x'] }, true)).toEqual({ kind: 'invalid', errors: { f: ['x'] }, failedAttempt: true });
  });
});

describe('stringField', () => {
  it('answers a non-empty string as it is, spaces included', () => {
    expect(stringField({ uid: ' alice ' }, 'uid')).toBe(' alice ');
  });

  it.each([
    ['absent', {}],
    ['empty', { uid: '' }],
    ['a number', { uid: 1 }],
    ['a list of strings', { uid: ['alice'] }],
    ['an object', { uid: { $gt: '' } }],
    ['null', { uid: null }],
    ['a boolean', { uid: true }],
  ])('answers undefined for a value that is %s', (_, response) => {
    expect(stringField(response, 'uid')).toBeUndefined();
  });

  it('does not read inherited properties as fields', () => {
    expect(stringField({}, 'toString')).toBeUndefined();
    expect(stringField({}, 'constructor')).toBeUndefined();
  });
});
