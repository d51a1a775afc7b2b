import { createHmac } from 'node:crypto';
import { subjectOf } from './subject.js';

const user = {
  id: 42,
  uuid: '0b9e2f4c-6c5e-4e8e-9d7a-1f1f1f1f1f1f',
  username: 'alice',
  email: 'alice@example.com',
  attributes: { upn: 'alice@corp.example' },
};
const keyed = (key: string) => (value: string) => createHmac('sha256', key).update(value).digest('hex');

describe('subject modes', () => {
  it('answers the chosen user field', () => {
    expect(subjectOf(user, 'user_id', keyed('k'))).toBe('42');
    expect(subjectOf(user, 'user_uuid', keyed('k'))).toBe(user.uuid);
    expect(subjectOf(user, 'user_username', keyed('k'))).toBe('alice');
    expect(subjectOf(user, 'user_email', keyed('k'))).toBe('alice@example.com');
    expect(subjectOf(user, 'user_upn', keyed('k'))).toBe('alice@corp.example');
  });

  it('hashes the user id with the installation key by default', () => {
    const hashed = subjectOf(user, 'hashed_user_id', keyed('secret-a'));
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).toBe(subjectOf(user, 'hashed_user_id', keyed('secret-a')));
    expect(hashed).not.toBe(subjectOf(user, 'hashed_user_id', keyed('secret-b')));
    expect(hashed).not.toContain('42');
  });

  it('falls back to the uuid when the e-mail or upn is missing', () => {
    expect(subjectOf({ ...user, email: '', attributes: {} }, 'user_email', keyed('k'))).toBe(user.uuid);
    expect(subjectOf({ ...user, attributes: { upn: 7 } }, 'user_upn', keyed('k'))).toBe(user.uuid);
  });
});
