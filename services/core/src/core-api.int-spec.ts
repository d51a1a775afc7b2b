import { Subjects, type BusMessage } from '@authmesh/bus';
import { BOOTSTRAP_TOKEN, startCore, type CoreHarness } from '../test/core.harness.js';

describe('core API', () => {
  let core: CoreHarness;
  const events: BusMessage[] = [];

  beforeAll(async () => {
    core = await startCore();
    await core.bus.consumeDurable('test-events', Subjects.eventCreated, (m) => {
      events.push(m);
    });
  });
  afterAll(() => core.close());

  const eventsOf = (action: string) => events.filter((e) => (e.data as { action: string }).action === action);
  const waitForEvent = async (predicate: (data: any) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = events.find((e) => predicate(e.data));
      if (found) return found.data as any;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('event not published');
  };

  describe('authentication', () => {
    it('answers 401 without credentials', async () => {
      const res = await core.api('GET', '/api/v3/core/users/me/', undefined, null);
      expect(res.status).toBe(401);
      expect(res.body.detail).toBeDefined();
    });

    it('answers 401 for an unknown token', async () => {
      expect((await core.api('GET', '/api/v3/core/users/me/', undefined, 'not-a-real-token-at-all')).status).toBe(401);
    });

    it('bootstraps akadmin as a superuser reachable with the bootstrap token', async () => {
      const res = await core.api('GET', '/api/v3/core/users/me/');
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ username: 'akadmin', is_superuser: true, email: 'admin@example.com' });
      expect(res.body.user.groups_obj.map((g: { name: string }) => g.name)).toEqual(['authmesh Admins']);
    });
  });

  describe('users', () => {
    it('creates a user and reads it back', async () => {
      const res = await core.api('POST', '/api/v3/core/users/', { username: 'alice', name: 'Alice', email: 'alice@example.com' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ username: 'alice', type: 'internal', path: 'users', is_active: true, is_superuser: false });
      const read = await core.api('GET', `/api/v3/core/users/${res.body.pk}/`);
      expect(read.body.email).toBe('alice@example.com');
      const event = await waitForEvent((d) => d.action === 'model_created' && d.context.model?.name === 'alice');
      expect(event.user.username).toBe('akadmin');
      expect(event.context.model).toMatchObject({ app: 'authentik_core', model_name: 'user' });
    });

    it('announces changes on authmesh.config.v1.changed for runtimes to drop caches', async () => {
      const changes: unknown[] = [];
      const sub = await core.bus.subscribe(Subjects.configChanged, (m) => void changes.push(m.data));
      const created = await core.api('POST', '/api/v3/core/users/', { username: 'cache-watcher' });
      await core.api('DELETE', `/api/v3/core/users/${created.body.pk}/`);
      for (let i = 0; i < 100 && changes.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(changes).toEqual([
        { kind: 'authentik_core.user', pk: String(created.body.pk), action: 'created' },
        { kind: 'authentik_core.user', pk: String(created.body.pk), action: 'deleted' },
      ]);
      await sub.unsubscribe();
    });

    it('refuses a username that differs from an existing one only in case', async () => {
      await core.api('POST', '/api/v3/core/users/', { username: 'bob' });
      const res = await core.api('POST', '/api/v3/core/users/', { username: 'BOB' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ username: ['A user with that username already exists.'] });
    });

    it('answers 400 with field errors for wrong types, unknown enum values and over-long strings, and writes nothing', async () => {
      const before = await core.api('GET', '/api/v3/core/users/?page_size=1');
      const res = await core.api('POST', '/api/v3/core/users/', { username: 'x'.repeat(151), is_active: 'yes', type: 'wizard' });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(['is_active', 'type', 'username']);
      for (const messages of Object.values(res.body)) expect(Array.isArray(messages)).toBe(true);
      const after = await core.api('GET', '/api/v3/core/users/?page_size=1');
      expect(after.body.pagination.count).toBe(before.body.pagination.count);
    });

    it('answers 400 for malformed JSON', async () => {
      const res = await core.api('POST', '/api/v3/core/users/', '{"username": ');
      expect(res.status).toBe(400);
      expect(res.body.non_field_errors).toBeDefined();
    });

    it('answers 400 for a body that is not an object', async () => {
      const res = await core.api('POST', '/api/v3/core/users/', '[1,2]');
      expect(res.status).toBe(400);
    });

    it('refuses unknown group references without creating the user', async () => {
      const res = await core.api('POST', '/api/v3/core/users/', { username: 'carol', groups: ['00000000-0000-4000-8000-000000000000'] });
      expect(res.status).toBe(400);
      expect(res.body.groups).toBeDefined();
      const list = await core.api('GET', '/api/v3/core/users/?username=carol');
      expect(list.body.pagination.count).toBe(0);
    });

    it('lists with pagination, search and ordering', async () => {
      for (const name of ['list-a', 'list-b', 'list-c']) await core.api('POST', '/api/v3/core/users/', { username: name });
      const res = await core.api('GET', '/api/v3/core/users/?search=list-&ordering=-username&page_size=2');
      expect(res.status).toBe(200);
      expect(res.body.results.map((u: { username: string }) => u.username)).toEqual(['list-c', 'list-b']);
      expect(res.body.pagination).toMatchObject({
        count: 3,
        current: 1,
        next: 2,
        previous: 0,
        total_pages: 2,
        start_index: 1,
        end_index: 2,
      });
    });

    it('changes only the fields a PATCH names', async () => {
      const group = await core.api('POST', '/api/v3/core/groups/', { name: 'patch-keep' });
      const user = await core.api('POST', '/api/v3/core/users/', {
        username: 'patchy',
        name: 'Patchy',
        email: 'patchy@example.com',
        path: 'users/team',
        attributes: { a: 1 },
        groups: [group.body.pk],
      });
      const patched = await core.api('PATCH', `/api/v3/core/users/${user.body.pk}/`, { is_active: false });
      expect(patched.body).toMatchObject({
        is_active: false,
        name: 'Patchy',
        email: 'patchy@example.com',
        path: 'users/team',
        attributes: { a: 1 },
        groups: [group.body.pk],
      });
      const renamed = await core.api('PATCH', `/api/v3/core/groups/${group.body.pk}/`, { attributes: { b: 2 } });
      expect(renamed.body).toMatchObject({ name: 'patch-keep', users: [user.body.pk] });
    });

    it('answers 404 for unknown and malformed ids', async () => {
      expect((await core.api('GET', '/api/v3/core/users/999999/')).status).toBe(404);
      expect((await core.api('GET', '/api/v3/core/users/abc/')).status).toBe(404);
    });

    it('sets a password and records the change without the secret in the event', async () => {
      const user = await core.api('POST', '/api/v3/core/users/', { username: 'dave' });
      const res = await core.api('POST', `/api/v3/core/users/${user.body.pk}/set_password/`, { password: 'Sup3r secret!' });
      expect(res.status).toBe(204);
      const read = await core.api('GET', `/api/v3/core/users/${user.body.pk}/`);
      expect(read.body.password_change_date).not.toBeNull();
      const event = await waitForEvent((d) => d.action === 'password_set' && d.context.user?.username === 'dave');
      expect(JSON.stringify(event)).not.toContain('Sup3r secret!');
    });

    it('creates a service account with a working app password', async () => {
      const res = await core.api('POST', '/api/v3/core/users/service_account/', { name: 'ci-bot', create_group: true });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ username: 'ci-bot' });
      expect(typeof res.body.token).toBe('string');
      expect(res.body.group_pk).toBeDefined();
      const user = await core.api('GET', `/api/v3/core/users/${res.body.user_pk}/`);
      expect(user.body).toMatchObject({ type: 'service_account', path: 'users/service-accounts' });
    });

    it('lists user paths', async () => {
      const res = await core.api('GET', '/api/v3/core/users/paths/');
      expect(res.body.paths).toEqual(expect.arrayContaining(['users', 'users/service-accounts']));
    });
  });

  describe('groups', () => {
    it('makes members of a child group superusers when the parent is a superuser group', async () => {
      const parent = await core.api('POST', '/api/v3/core/groups/', { name: 'ops-root', is_superuser: true });
      const child = await core.api('POST', '/api/v3/core/groups/', { name: 'ops-child', parent: parent.body.pk });
      expect(child.body.parent_name).toBe('ops-root');
      const user = await core.api('POST', '/api/v3/core/users/', { username: 'erin' });
      expect(user.body.is_superuser).toBe(false);
      expect((await core.api('POST', `/api/v3/core/groups/${child.body.pk}/add_user/`, { pk: user.body.pk })).status).toBe(204);
      expect((await core.api('GET', `/api/v3/core/users/${user.body.pk}/`)).body.is_superuser).toBe(true);
      expect((await core.api('POST', `/api/v3/core/groups/${child.body.pk}/remove_user/`, { pk: user.body.pk })).status).toBe(204);
      expect((await core.api('GET', `/api/v3/core/users/${user.body.pk}/`)).body.is_superuser).toBe(false);
    });

    it('refuses a parent cycle', async () => {
      const a = await core.api('POST', '/api/v3/core/groups/', { name: 'cycle-a' });
      const b = await core.api('POST', '/api/v3/core/groups/', { name: 'cycle-b', parent: a.body.pk });
      const res = await core.api('PATCH', `/api/v3/core/groups/${a.body.pk}/`, { parent: b.body.pk });
      expect(res.status).toBe(400);
      expect(res.body.parent).toBeDefined();
      const self = await core.api('PATCH', `/api/v3/core/groups/${a.body.pk}/`, { parent: a.body.pk });
      expect(self.status).toBe(400);
      expect((await core.api('GET', `/api/v3/core/groups/${a.body.pk}/`)).body.parent).toBeNull();
    });

    it('refuses to delete a group that is a parent', async () => {
      const parent = await core.api('POST', '/api/v3/core/groups/', { name: 'del-parent' });
      await core.api('POST', '/api/v3/core/groups/', { name: 'del-child', parent: parent.body.pk });
      const res = await core.api('DELETE', `/api/v3/core/groups/${parent.body.pk}/`);
      expect(res.status).toBe(400);
      expect(res.body.non_field_errors[0]).toContain('del-child');
      expect((await core.api('GET', `/api/v3/core/groups/${parent.body.pk}/`)).status).toBe(200);
    });

    it('answers 400 on the name field for a duplicate group', async () => {
      await core.api('POST', '/api/v3/core/groups/', { name: 'dup-group' });
      const res = await core.api('POST', '/api/v3/core/groups/', { name: 'dup-group' });
      expect(res).toEqual({ status: 400, body: { name: ['A group with this name already exists.'] } });
    });
  });

  describe('tokens and permissions', () => {
    async function userWithToken(username: string) {
      const user = await core.api('POST', '/api/v3/core/users/', { username });
      const token = await core.api('POST', '/api/v3/core/tokens/', { identifier: `${username}-api`, user: user.body.pk, expiring: false });
      expect(token.status).toBe(201);
      const key = await core.api('GET', `/api/v3/core/tokens/${username}-api/view_key/`);
      return { pk: user.body.pk as number, key: key.body.key as string };
    }

    it('shows a key only through view_key and the key authenticates', async () => {
      const frank = await userWithToken('frank');
      const token = await core.api('GET', '/api/v3/core/tokens/frank-api/');
      expect(token.body.key).toBeUndefined();
      const me = await core.api('GET', '/api/v3/core/users/me/', undefined, frank.key);
      expect(me.body.user.username).toBe('frank');
    });

    it('refuses a token whose expiry is in the past', async () => {
      const res = await core.api('POST', '/api/v3/core/tokens/', { identifier: 'old', expiring: true, expires: '2001-01-01T00:00:00Z' });
      expect(res.status).toBe(400);
      expect(res.body.expires).toBeDefined();
      expect((await core.api('GET', '/api/v3/core/tokens/old/')).status).toBe(404);
    });

    it('lets a regular user read and change only what is theirs', async () => {
      const grace = await userWithToken('grace');
      const heidi = await userWithToken('heidi');
      expect((await core.api('GET', '/api/v3/core/users/', undefined, grace.key)).status).toBe(403);
      expect((await core.api('GET', `/api/v3/core/users/${heidi.pk}/`, undefined, grace.key)).status).toBe(404);
      expect((await core.api('GET', `/api/v3/core/users/${grace.pk}/`, undefined, grace.key)).status).toBe(200);
      expect((await core.api('POST', '/api/v3/core/groups/', { name: 'nope' }, grace.key)).status).toBe(403);
      const tokens = await core.api('GET', '/api/v3/core/tokens/', undefined, grace.key);
      expect(tokens.body.results.map((t: { identifier: string }) => t.identifier)).toEqual(['grace-api']);
      expect((await core.api('GET', '/api/v3/core/tokens/heidi-api/view_key/', undefined, grace.key)).status).toBe(404);
      const forOther = await core.api('POST', '/api/v3/core/tokens/', { identifier: 'sneaky', user: heidi.pk }, grace.key);
      expect(forOther.status).toBe(400);
    });

    it('stops accepting a token once its user is deactivated', async () => {
      const ivan = await userWithToken('ivan');
      expect((await core.api('GET', '/api/v3/core/users/me/', undefined, ivan.key)).status).toBe(200);
      await core.api('PATCH', `/api/v3/core/users/${ivan.pk}/`, { is_active: false });
      expect((await core.api('GET', '/api/v3/core/users/me/', undefined, ivan.key)).status).toBe(401);
    });

    it('never puts token keys into events', async () => {
      await userWithToken('judy');
      const created = await waitForEvent((d) => d.action === 'model_created' && d.context.model?.name === 'judy-api');
      expect(JSON.stringify(created)).not.toContain(BOOTSTRAP_TOKEN);
      expect(eventsOf('secret_view').length).toBeGreaterThan(0);
    });
  });
});
