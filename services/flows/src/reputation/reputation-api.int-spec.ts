import pg from 'pg';
import { InProcessBus, Subjects } from '@authmesh/bus';
import { FlowBrowser, type ServiceUnderTest, type TestDatabase } from '@authmesh/testing';
import { CoreStandIn, flowOf } from '../../test/core-stand-in.js';
import { startFlowsUnderTest, type FlowsUnderTest } from '../../test/flows-under-test.js';

const SECRET = 'reputation-api-test-secret-key-0123456789';
const SCORES = '/api/v3/policies/reputation/scores/';

interface Score {
  pk: string;
  identifier: string;
  ip: string;
  score: number;
  updated: string;
  ip_geo_data?: unknown;
}

/** The reputation scores API of the flows service: superusers list, read and reset scores made by real logins. */
describe('reputation scores API', () => {
  const core = new CoreStandIn();
  let db: TestDatabase;
  let harness: FlowsUnderTest;
  let bus: InProcessBus;
  let flows: ServiceUnderTest;

  beforeAll(async () => {
    harness = await startFlowsUnderTest('authmesh_reputation_api', SECRET, core);
    ({ db, bus, flows } = harness);
    core.addUser('1', 'admin', 'admin password', { is_superuser: true });
    core.users.get('1')!.apiToken = 'admin-api-token';
    core.addUser('2', 'bob', 'bob password', { is_superuser: false });
    core.users.get('2')!.apiToken = 'bob-api-token';
    core.addUser('3', 'mallory', 'mallory password');
    core.flows.set(
      'login',
      flowOf('login', [
        { type: 'identification', settings: { user_fields: ['username'] } },
        { type: 'password', settings: { failed_attempts_before_cancel: 10 } },
        { type: 'user_login' },
      ]),
    );
    // Two wrong passwords for mallory: her username and this client's address each lose two points.
    for (let i = 0; i < 2; i++) {
      const b = new FlowBrowser(flows.baseUrl);
      await b.start('login');
      await b.submit('login', { uid_field: 'Mallory' });
      await b.submit('login', { password: 'wrong' });
    }
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function api(method: string, path: string, token = 'admin-api-token') {
    const response = await fetch(`${flows.baseUrl}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async function list(query = '') {
    const answer = await api('GET', `${SCORES}${query}`);
    expect(answer.status).toBe(200);
    return answer.body as { pagination: { count: number }; results: Score[] };
  }

  it('lists the username and address scores that failed logins made, in the list envelope', async () => {
    const page = await list();
    expect(page.pagination).toMatchObject({ count: 2, current: 1, total_pages: 1, start_index: 1, end_index: 2 });
    const user = page.results.find((r) => r.identifier === 'mallory');
    const address = page.results.find((r) => r.ip !== '');
    expect(user).toMatchObject({ identifier: 'mallory', ip: '', score: -2 });
    expect(address).toMatchObject({ identifier: '', score: -2 });
    expect(user?.pk).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(user?.updated ?? ''))).toBe(false);
    expect(user).not.toHaveProperty('ip_geo_data');
  });

  it('filters by identifier, address and score, searches, orders and pages', async () => {
    const all = await list();
    const ip = all.results.find((r) => r.ip !== '')?.ip ?? '';
    expect((await list('?identifier=MALLORY')).results.map((r) => r.identifier)).toEqual(['mallory']);
    expect((await list(`?ip=${encodeURIComponent(ip)}`)).results.map((r) => r.ip)).toEqual([ip]);
    expect((await list('?score=-2')).pagination.count).toBe(2);
    expect((await list('?score=5')).pagination.count).toBe(0);
    expect((await list('?search=allor')).results.map((r) => r.identifier)).toEqual(['mallory']);
    expect((await list('?search=%25')).pagination.count).toBe(0);
    expect((await list('?ordering=identifier')).results.map((r) => r.identifier)).toEqual(['', 'mallory']);
    expect((await list('?ordering=-identifier')).results.map((r) => r.identifier)).toEqual(['mallory', '']);
    const second = await list('?page=2&page_size=1');
    expect(second.results).toHaveLength(1);
    expect(second.pagination).toMatchObject({ count: 2, current: 2, previous: 1, next: 0 });
  });

  it('answers 400 with field errors for bad filters and 404 for unknown or malformed ids', async () => {
    expect(await api('GET', `${SCORES}?score=low`)).toMatchObject({ status: 400, body: { score: [expect.any(String)] } });
    expect((await api('GET', `${SCORES}?page_size=0`)).status).toBe(400);
    expect((await api('GET', `${SCORES}00000000-0000-4000-8000-000000000000/`)).status).toBe(404);
    expect((await api('GET', `${SCORES}not-a-uuid/`)).status).toBe(404);
    expect((await api('DELETE', `${SCORES}00000000-0000-4000-8000-000000000000/`)).status).toBe(404);
  });

  it('is for superusers only', async () => {
    expect((await api('GET', SCORES, 'bob-api-token')).status).toBe(403);
    expect((await api('GET', SCORES, '')).status).toBe(401);
    const [score] = (await list('?identifier=mallory')).results;
    expect((await api('DELETE', `${SCORES}${score.pk}/`, 'bob-api-token')).status).toBe(403);
    expect((await list('?identifier=mallory')).results).toHaveLength(1);
  });

  it('hides scores that expired, which count as 0', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO flows.reputation (kind, identifier, score, updated) VALUES ('username', 'long-ago', -7, now() - interval '2 days')`,
      );
      const [{ pk }] = (await client.query<{ pk: string }>(`SELECT pk FROM flows.reputation WHERE identifier = 'long-ago'`)).rows;
      expect((await list('?identifier=long-ago')).pagination.count).toBe(0);
      expect((await api('GET', `${SCORES}${pk}/`)).status).toBe(404);
    } finally {
      await client.end();
    }
  });

  it('shows one score, says nothing uses it, and resets it when deleted', async () => {
    const [score] = (await list('?identifier=mallory')).results;
    expect(await api('GET', `${SCORES}${score.pk}/`)).toEqual({ status: 200, body: score });
    expect(await api('GET', `${SCORES}${score.pk}/used_by/`)).toEqual({ status: 200, body: [] });
    const recorded: Array<{ action: string; user: { username?: string }; context: Record<string, any> }> = [];
    const subscription = await bus.consumeDurable('reputation-api-test', Subjects.eventCreated, async (message) => {
      recorded.push(message.data as (typeof recorded)[number]);
    });
    expect((await api('DELETE', `${SCORES}${score.pk}/`)).status).toBe(204);
    expect((await api('GET', `${SCORES}${score.pk}/`)).status).toBe(404);
    // Clearing someone's lockout leaves a trace: who reset which score.
    for (let i = 0; i < 100 && !recorded.some((e) => e.action === 'model_deleted'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(recorded.find((e) => e.action === 'model_deleted')).toMatchObject({
      user: { username: 'admin' },
      context: { model: { model_name: 'reputation', pk: score.pk, name: 'mallory' }, score: score.score },
    });
    await subscription.unsubscribe();
    expect((await list()).results.map((r) => r.identifier)).toEqual(['']);

    // The next failed login starts again from 0.
    const b = new FlowBrowser(flows.baseUrl);
    await b.start('login');
    await b.submit('login', { uid_field: 'mallory' });
    await b.submit('login', { password: 'wrong' });
    expect((await list('?identifier=mallory')).results).toMatchObject([{ identifier: 'mallory', score: -1 }]);
  });
});
