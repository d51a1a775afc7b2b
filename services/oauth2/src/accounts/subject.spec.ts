import type { User__Output } from '@authmesh/rpc';
import { subjectOf } from './subject';

const user = {
  pk: '42',
  uuid: '0b9e2f4c-6c5e-4e8e-9d7a-1f1f1f1f1f1f',
  username: 'alice',
  email: 'alice@example.com',
  attributes_json: '{"upn":"alice@corp.example"}',
} as User__Output;

describe('subject modes', () => {
  it('answers the chosen user field', () => {
    expect(subjectOf(user, 'user_id', 's')).toBe('42');
    expect(subjectOf(user, 'user_uuid', 's')).toBe(user.uuid);
    expect(subjectOf(user, 'user_username', 's')).toBe('alice');
    expect(subjectOf(user, 'user_email', 's')).toBe('alice@example.com');
    expect(subjectOf(user, 'user_upn', 's')).toBe('alice@corp.example');
  });

  it('hashes the user id with the installation secret by default', () => {
    const hashed = subjectOf(user, 'hashed_user_id', 'secret-a');
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).toBe(subjectOf(user, 'hashed_user_id', 'secret-a'));
    expect(hashed).not.toBe(subjectOf(user, 'hashed_user_id', 'secret-b'));
    expect(hashed).not.toContain('42');
  });

  it('falls back to the uuid when the e-mail or upn is missing', () => {
    expect(subjectOf({ ...user, email: '', attributes_json: '{}' }, 'user_email', 's')).toBe(user.uuid);
    expect(subjectOf({ ...user, attributes_json: 'not json' }, 'user_upn', 's')).toBe(user.uuid);
  });
});
