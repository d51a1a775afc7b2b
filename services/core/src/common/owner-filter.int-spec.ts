import { IdentityClient } from '@authmesh/rpc';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

/** `?user=<pk>` on sessions, consents and admin device lists: what the admin's user page shows. */
describe('lists of what a user owns, filtered by user', () => {
  let core: CoreHarness;
  let identity: IdentityClient;
  let ann: string;
  let bob: string;
  let bobCookie: { cookie: string };

  beforeAll(async () => {
    core = await startCore();
    identity = new IdentityClient(core.grpcAddress, core.meshKey);
    ann = String((await core.api('POST', '/api/v3/core/users/', { username: 'ann' })).body.pk);
    bob = String((await core.api('POST', '/api/v3/core/users/', { username: 'bob' })).body.pk);
    await core.api('POST', '/api/v3/core/applications/', { name: 'Wiki', slug: 'wiki' });
    for (const pk of [ann, bob]) {
      await identity.createSession({ user_pk: pk, client_ip: '192.0.2.1', user_agent: 'test' });
      await identity.grantConsent({ user_pk: pk, application_slug: 'wiki', permissions: ['openid'] });
      await identity.enrollStatic({ user_pk: pk, name: 'Codes', token_count: 2, token_length: 8 });
    }
    const session = await identity.createSession({ user_pk: bob, client_ip: '192.0.2.2', user_agent: 'test' });
    bobCookie = { cookie: `authmesh_session=${session.session_key}` };
  });
  afterAll(async () => {
    identity.close();
    await core.close();
  });

  it.each(['/api/v3/core/authenticated_sessions/', '/api/v3/core/user_consent/', '/api/v3/authenticators/admin/static/'])(
    '%s answers only the asked user’s objects to a superuser',
    async (path) => {
      const all = await core.api('GET', path);
      const annOnly = await core.api('GET', `${path}?user=${ann}`);
      expect(all.status).toBe(200);
      expect(new Set(all.body.results.map((r: { user: number }) => String(r.user)))).toEqual(new Set([ann, bob]));
      expect(annOnly.body.results.length).toBeGreaterThan(0);
      expect(annOnly.body.results.every((r: { user: number }) => String(r.user) === ann)).toBe(true);
    },
  );

  it('refuses a user filter that is not a pk', async () => {
    const answer = await core.api('GET', '/api/v3/core/authenticated_sessions/?user=abc');
    expect(answer.status).toBe(400);
    expect(answer.body).toHaveProperty('user');
  });

  it('gives someone who is not a superuser nothing of another user, and their own when they name themselves', async () => {
    const other = await core.api('GET', `/api/v3/core/authenticated_sessions/?user=${ann}`, undefined, null, bobCookie);
    expect(other.status).toBe(200);
    expect(other.body.results).toEqual([]);
    const consents = await core.api('GET', `/api/v3/core/user_consent/?user=${ann}`, undefined, null, bobCookie);
    expect(consents.body.results).toEqual([]);
    const own = await core.api('GET', `/api/v3/core/authenticated_sessions/?user=${bob}`, undefined, null, bobCookie);
    expect(own.body.results.length).toBe(2);
    expect(own.body.results.every((r: { user: number }) => String(r.user) === bob)).toBe(true);
  });
});
