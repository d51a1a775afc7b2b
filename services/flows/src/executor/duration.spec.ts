import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['seconds=0', 0],
    ['seconds=30', 30],
    ['minutes=5', 300],
    ['hours=2', 7200],
    ['days=1', 86400],
    ['weeks=4', 4 * 7 * 86400],
    ['days=1;hours=2', 86400 + 7200],
    ['hours=1;hours=1', 7200],
    [' hours = 1 ; minutes = 30 ', 5400],
    ['hours=1;', 3600],
    ['hours=1.5', 5400],
    ['seconds=1;milliseconds=999', 1],
    ['milliseconds=1500;microseconds=600000', 2],
  ])('reads %p as %p seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    ['empty text', ''],
    ['only separators', ';;'],
    ['an unknown unit', 'fortnights=1'],
    ['a negative amount', 'hours=-1'],
    ['no amount', 'hours='],
    ['no unit', '=5'],
    ['a unit in capitals', 'HOURS=1'],
    ['an ISO 8601 duration', 'PT1H'],
    ['a bare number', '3600'],
    ['one bad part among good ones', 'hours=1;lightyears=2'],
    ['an exponent', 'seconds=1e9'],
  ])('answers 0 for %s', (_, text) => {
    expect(parseDuration(text)).toBe(0);
  });

  // Bug: the unit is looked up with `in`, which also finds Object.prototype members, so a part
  // such as `constructor=1` multiplies by a function and the result is NaN instead of the
  // documented 0 for a malformed duration (a NaN session duration then reaches core).
  it.each(['constructor=1', 'toString=1', '__proto__=1', 'hours=1;valueOf=1'])('answers 0 for the inherited name %p', (text) => {
    expect(parseDuration(text)).toBe(0);
  });
});
