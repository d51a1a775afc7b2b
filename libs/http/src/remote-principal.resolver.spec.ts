import { UnavailableError } from '@authmesh/runtime';
import { remotePrincipalResolver, type RemoteIdentity } from './remote-principal.resolver.js';

const user = { pk: '3', username: 'ann', email: 'ann@example.com', is_superuser: false };

function identity(overrides: Partial<RemoteIdentity> = {}): RemoteIdentity {
  return {
    checkToken: async ({ key }) =>
      key === 'good' ? { valid: true, user, token_identifier: 'tok' } : { valid: false, token_identifier: '' },
    checkSession: async ({ session_key }) =>
      session_key === 'live' ? { valid: true, user, session_uuid: 's1' } : { valid: false, session_uuid: '' },
    ...overrides,
  };
}

describe('remotePrincipalResolver', () => {
  it('turns valid tokens and sessions into principals and anything else into null', async () => {
    const resolver = remotePrincipalResolver(identity(), () => false);
    expect(await resolver.fromBearerToken('good')).toEqual({
      user: { pk: '3', username: 'ann', email: 'ann@example.com', isSuperuser: false },
      tokenIdentifier: 'tok',
    });
    expect(await resolver.fromBearerToken('bad')).toBeNull();
    expect(await resolver.fromSessionKey?.('live', { ip: '', userAgent: '' })).toMatchObject({ sessionId: 's1' });
    expect(await resolver.fromSessionKey?.('gone', { ip: '', userAgent: '' })).toBeNull();
  });

  it('answers 503 when core cannot be reached, and passes other errors on', async () => {
    const down = new Error('connection refused');
    const resolver = remotePrincipalResolver(identity({ checkToken: () => Promise.reject(down) }), (error) => error === down);
    await expect(resolver.fromBearerToken('good')).rejects.toBeInstanceOf(UnavailableError);
    const broken = remotePrincipalResolver(identity({ checkSession: () => Promise.reject(new TypeError('bug')) }), () => false);
    await expect(broken.fromSessionKey?.('live', { ip: '', userAgent: '' })).rejects.toBeInstanceOf(TypeError);
  });
});
