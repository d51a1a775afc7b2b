import { Subjects, type BusMessage } from '@authmesh/bus';
import { IdentityClient } from '@authmesh/rpc';
import { startCore, type CoreHarness } from '../test/core.harness.js';

const CSRF = 'csrf-token-for-tests-0123456789';

/** The endpoints behind /if/user/: the user's own applications, settings, tokens, sessions, and impersonation. */
describe('user interface API', () => {
  let core: CoreHarness;
  let identity: IdentityClient;
  const events: BusMessage[] = [];
  let alice: number;
  let bob: number;
  let aliceToken: string;

  /** Calls the API with a login session cookie (and the CSRF pair for unsafe methods). */
  const browser = (key: string) => (method: string, path: string, body?: unknown) =>
    core.api(method, path, body, null, { cookie: `authmesh_session=${key}; authmesh_csrf=${CSRF}`, 'x-csrftoken': CSRF });

  const login = async (userPk: number) => {
    const session = await identity.createSession({ user_pk: String(userPk), client_ip: '192.0.2.9', user_agent: 'test' });
    return { key: session.session_key, uuid: session.session_uuid, api: browser(session.session_key) };
  };

  const apiToken = async (user: number, identifier: string) => {
    const created = await core.api('POST', '/api/v3/core/tokens/', { identifier, intent: 'api', user, expiring: false });
    expect(created.status).toBe(201);
    return (await core.api('GET', `/api/v3/core/tokens/${identifier}/view_key/`)).body.key as string;
  };

  beforeAll(async () => {
    core = await startCore();
    identity = new IdentityClient(core.grpcAddress, core.meshKey);
    await core.bus.consumeDurable('test-ui-events', Subjects.eventCreated, (m) => void events.push(m));
    alice = (await core.api('POST', '/api/v3/core/users/', { username: 'alice', name: 'Alice' })).body.pk;
    bob = (await core.api('POST', '/api/v3/core/users/', { username: 'bob', name: 'Bob' })).body.pk;
    aliceToken = await apiToken(alice, 'alice-api');
    await core.api('POST', '/api/v3/core/applications/', { name: 'Wiki', slug: 'wiki', meta_launch_url: 'https://wiki.example.com/' });
    await core.api('POST', '/api/v3/core/applications/', { name: 'Backend', slug: 'backend' });
  });
  afterAll(async () => {
    identity.close();
    await core.close();
  });

  describe('applications', () => {
    it('gives a superuser every application, and refuses writes to others', async () => {
      const full = await core.api('GET', '/api/v3/core/applications/?superuser_full_list=true');
      expect(full.body.results.map((a: { slug: string }) => a.slug)).toEqual(['backend', 'wiki']);
      const launchable = await core.api('GET', '/api/v3/core/applications/?only_with_launch_url=true');
      expect(launchable.body.results.map((a: { slug: string }) => a.slug)).toEqual(['wiki']);
      expect((await core.api('POST', '/api/v3/core/applications/', { name: 'X', slug: 'x' }, aliceToken)).status).toBe(403);
      expect((await core.api('GET', '/api/v3/core/applications/wiki/', undefined, aliceToken)).status).toBe(403);
      expect((await core.api('DELETE', '/api/v3/core/applications/wiki/', undefined, aliceToken)).status).toBe(403);
    });

    it('fails closed for a user when the policy engine cannot be asked: no application is listed', async () => {
      // This harness runs no flow executor, so every access check errors and hides its application.
      const mine = await core.api('GET', '/api/v3/core/applications/', undefined, aliceToken);
      expect(mine.status).toBe(200);
      expect(mine.body.results).toEqual([]);
      expect(mine.body.pagination.count).toBe(0);
      const asked = await core.api('GET', '/api/v3/core/applications/?for_user=me');
      expect(asked.body.results).toEqual([]);
    });

    it('refuses a malformed audience flag', async () => {
      const res = await core.api('GET', '/api/v3/core/applications/?only_with_launch_url=maybe');
      expect(res.status).toBe(400);
      expect(res.body.only_with_launch_url).toBeDefined();
    });
  });

  describe('user settings', () => {
    it('lists every authenticator and password stage with a configure flow, to any user', async () => {
      const flow = await core.api('POST', '/api/v3/flows/instances/', {
        name: 'TOTP setup',
        slug: 'totp-setup',
        title: 'Set up an authenticator app',
        designation: 'stage_configuration',
      });
      expect(flow.status).toBe(201);
      const totp = await core.api('POST', '/api/v3/stages/authenticator/totp/', { name: 'totp', configure_flow: flow.body.pk });
      expect(totp.status).toBe(201);
      await core.api('POST', '/api/v3/stages/authenticator/static/', { name: 'static without flow' });
      const settings = await core.api('GET', '/api/v3/stages/all/user_settings/', undefined, aliceToken);
      expect(settings.status).toBe(200);
      // The default blueprints' password stage names the password-change flow.
      expect(settings.body).toEqual([
        expect.objectContaining({ component: 'ak-user-settings-password', configure_url: '/if/flow/default-password-change/' }),
        {
          object_uid: totp.body.pk,
          component: 'ak-user-settings-authenticator-totp',
          title: 'Set up an authenticator app',
          configure_url: '/if/flow/totp-setup/',
        },
      ]);
      expect((await core.api('GET', '/api/v3/stages/all/', undefined, aliceToken)).status).toBe(403);
    });
  });

  describe('current brand', () => {
    it('names its flows by slug, so the user interface can run the user-settings flow', async () => {
      const current = await core.api('GET', '/api/v3/core/brands/current/', undefined, null);
      // The default brand blueprint names the default user-settings flow and leaves the others to the designation defaults.
      expect(current.body).toMatchObject({ flow_user_settings: 'default-user-settings-flow', flow_authentication: null });
    });
  });

  describe('own objects', () => {
    it('shows a user only their own tokens and refuses another user’s', async () => {
      await apiToken(bob, 'bob-api');
      const mine = await core.api('GET', '/api/v3/core/tokens/', undefined, aliceToken);
      expect(mine.body.results.map((t: { identifier: string }) => t.identifier)).toEqual(['alice-api']);
      expect((await core.api('GET', '/api/v3/core/tokens/bob-api/view_key/', undefined, aliceToken)).status).toBe(404);
      expect((await core.api('DELETE', '/api/v3/core/tokens/bob-api/', undefined, aliceToken)).status).toBe(404);
      const forBob = await core.api('POST', '/api/v3/core/tokens/', { identifier: 'sneaky', intent: 'api', user: bob }, aliceToken);
      expect(forBob.status).toBe(400);
      expect(forBob.body.user).toBeDefined();
      const appPassword = await core.api('POST', '/api/v3/core/tokens/', { identifier: 'alice-mail', intent: 'app_password' }, aliceToken);
      expect(appPassword.status).toBe(201);
      expect(appPassword.body.user).toBe(alice);
    });

    it('lists a user’s own sessions with the current one marked, and a deleted session stops working', async () => {
      const first = await login(alice);
      const second = await login(alice);
      await login(bob);
      const listed = await first.api('GET', '/api/v3/core/authenticated_sessions/');
      expect(listed.body.results.map((s: { uuid: string; current: boolean }) => [s.uuid, s.current]).sort()).toEqual(
        [
          [first.uuid, true],
          [second.uuid, false],
        ].sort(),
      );
      expect((await first.api('DELETE', `/api/v3/core/authenticated_sessions/${second.uuid}/`)).status).toBe(204);
      expect((await second.api('GET', '/api/v3/core/users/me/')).status).toBe(401);
      expect((await first.api('GET', '/api/v3/core/users/me/')).status).toBe(200);
    });
  });

  describe('impersonation', () => {
    const waitForEvent = async (action: string) => {
      for (let i = 0; i < 100; i++) {
        const found = events.find((e) => (e.data as { action: string }).action === action);
        if (found) return found.data as { user: { username: string }; context: Record<string, any> };
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${action} event`);
    };

    it('lets a superuser act as a user until they end it, with events', async () => {
      const admin = await login(1);
      expect((await admin.api('GET', '/api/v3/core/users/me/')).body.user.username).toBe('akadmin');
      const started = await admin.api('POST', `/api/v3/core/users/${alice}/impersonate/`, { reason: 'support ticket 42' });
      expect(started.status).toBe(204);
      const me = await admin.api('GET', '/api/v3/core/users/me/');
      expect(me.body.user.username).toBe('alice');
      expect(me.body.original.username).toBe('akadmin');
      // Other runtimes learn it from the session check, to name the admin in their events too.
      const checked = await identity.checkSession({ session_key: admin.key, client_ip: '192.0.2.9', user_agent: 'test' });
      expect(checked.user?.username).toBe('alice');
      expect(checked.impersonator?.username).toBe('akadmin');
      // Every call acts as Alice now: the admin API is closed, Alice's own objects are open.
      expect((await admin.api('GET', '/api/v3/core/users/')).status).toBe(403);
      const tokens = await admin.api('GET', '/api/v3/core/tokens/');
      expect(tokens.body.results.every((t: { user: number }) => t.user === alice)).toBe(true);
      // What the admin does meanwhile is recorded as the admin's, on Alice's behalf.
      expect((await admin.api('POST', '/api/v3/core/tokens/', { identifier: 'made-while-impersonating', intent: 'api' })).status).toBe(201);
      let made: { user: Record<string, any> } | undefined;
      for (let i = 0; i < 100 && !made; i++) {
        made = events
          .map((e) => e.data as { action: string; user: Record<string, any>; context: Record<string, any> })
          .find((e) => e.action === 'model_created' && e.context.model?.name === 'made-while-impersonating');
        if (!made) await new Promise((r) => setTimeout(r, 20));
      }
      expect(made?.user).toMatchObject({ username: 'akadmin', on_behalf_of: { username: 'alice' } });
      const startedEvent = await waitForEvent('impersonation_started');
      expect(startedEvent.user.username).toBe('akadmin');
      expect(startedEvent.context.user.username).toBe('alice');
      expect(startedEvent.context.reason).toBe('support ticket 42');

      expect((await admin.api('POST', '/api/v3/core/users/impersonate_end/')).status).toBe(204);
      const back = await admin.api('GET', '/api/v3/core/users/me/');
      expect(back.body.user.username).toBe('akadmin');
      expect(back.body.original).toBeUndefined();
      expect((await identity.checkSession({ session_key: admin.key, client_ip: '192.0.2.9', user_agent: 'test' })).impersonator).toBeNull();
      expect((await admin.api('GET', '/api/v3/core/users/')).status).toBe(200);
      const ended = await waitForEvent('impersonation_ended');
      expect(ended.user.username).toBe('akadmin');
      expect(ended.context.user.username).toBe('alice');
    });

    it('refuses non-superusers, API tokens, oneself, and ending when nobody is impersonated', async () => {
      const asAlice = await login(alice);
      expect((await asAlice.api('POST', `/api/v3/core/users/${bob}/impersonate/`, {})).status).toBe(403);
      expect((await asAlice.api('POST', '/api/v3/core/users/impersonate_end/')).status).toBe(400);
      const byToken = await core.api('POST', `/api/v3/core/users/${bob}/impersonate/`, {});
      expect(byToken.status).toBe(400);
      expect(byToken.body.non_field_errors).toBeDefined();
      const admin = await login(1);
      expect((await admin.api('POST', '/api/v3/core/users/1/impersonate/', {})).status).toBe(400);
      expect((await admin.api('POST', '/api/v3/core/users/99999/impersonate/', {})).status).toBe(404);
      expect((await admin.api('GET', '/api/v3/core/users/me/')).body.user.username).toBe('akadmin');
    });

    it('ends when the impersonating admin is deactivated', async () => {
      const mallory = (await core.api('POST', '/api/v3/core/users/', { username: 'mallory', name: 'Mallory' })).body.pk as number;
      const admins = await core.api('POST', '/api/v3/core/groups/', { name: 'impersonation-admins', is_superuser: true, users: [mallory] });
      expect(admins.status).toBe(201);
      const session = await login(mallory);
      expect((await session.api('POST', `/api/v3/core/users/${alice}/impersonate/`, {})).status).toBe(204);
      expect((await session.api('GET', '/api/v3/core/users/me/')).body.user.username).toBe('alice');
      expect((await core.api('PATCH', `/api/v3/core/users/${mallory}/`, { is_active: false })).status).toBe(200);
      // Alice is still active, but the session belongs to a deactivated admin: it is over everywhere.
      expect((await session.api('GET', '/api/v3/core/users/me/')).status).toBe(401);
    });

    it('cannot be chained: the impersonated session is no longer a superuser’s', async () => {
      const admin = await login(1);
      expect((await admin.api('POST', `/api/v3/core/users/${alice}/impersonate/`, {})).status).toBe(204);
      expect((await admin.api('POST', `/api/v3/core/users/${bob}/impersonate/`, {})).status).toBe(403);
      expect((await admin.api('POST', '/api/v3/core/users/impersonate_end/')).status).toBe(204);
    });
  });
});
