import { scrubSecrets } from './event-publisher.js';

describe('scrubSecrets', () => {
  it('masks values under secret-looking keys at any depth', () => {
    const scrubbed = scrubSecrets({
      model: { name: 'alice' },
      password: 'hunter2',
      nested: { client_secret: 's', api_token: 't', list: [{ private_key: 'k' }] },
    });
    expect(scrubbed).toEqual({
      model: { name: 'alice' },
      password: '********',
      nested: { client_secret: '********', api_token: '********', list: [{ private_key: '********' }] },
    });
  });

  it('stops at a bounded depth', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(JSON.stringify(scrubSecrets(deep))).toContain('[truncated]');
  });
});
