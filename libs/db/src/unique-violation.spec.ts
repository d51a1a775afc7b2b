import { QueryFailedError } from 'typeorm';
import { uniqueViolation } from './unique-violation.js';

describe('uniqueViolation', () => {
  const pgError = Object.assign(new Error('duplicate key value violates unique constraint "users_username_ci"'), {
    code: '23505',
    constraint: 'users_username_ci',
    detail: 'Key (lower(username))=(alice) already exists.',
  });

  it('reads the constraint and detail of a pg error', () => {
    expect(uniqueViolation(pgError)).toEqual({ constraint: 'users_username_ci', detail: 'Key (lower(username))=(alice) already exists.' });
  });

  it('reads them through a TypeORM QueryFailedError', () => {
    expect(uniqueViolation(new QueryFailedError('INSERT ...', [], pgError))).toEqual({
      constraint: 'users_username_ci',
      detail: 'Key (lower(username))=(alice) already exists.',
    });
  });

  it('returns null for other errors and non-errors', () => {
    expect(uniqueViolation(Object.assign(new Error('fk'), { code: '23503', constraint: 'x' }))).toBeNull();
    expect(uniqueViolation(new Error('plain'))).toBeNull();
    expect(uniqueViolation(null)).toBeNull();
    expect(uniqueViolation('23505')).toBeNull();
  });
});
