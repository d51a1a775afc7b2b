import { escapeLike, parseOrdering } from './list-query.js';

describe('parseOrdering', () => {
  it('keeps allowed fields in order with their direction and ignores the rest', () => {
    expect(parseOrdering('-name,secret,email', ['name', 'email'], { pk: 'ASC' })).toEqual({ name: 'DESC', email: 'ASC' });
  });

  it('falls back when nothing usable was asked for', () => {
    expect(parseOrdering('nonsense', ['name'], { pk: 'ASC' })).toEqual({ pk: 'ASC' });
    expect(parseOrdering(undefined, ['name'], { pk: 'DESC' })).toEqual({ pk: 'DESC' });
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
