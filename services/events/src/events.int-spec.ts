import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { InProcessBus, Subjects } from '@authmesh/bus';
import { loadConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { EventClient, GrpcHost, GrpcStatus, loadProtos, unary } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { createTestDatabase, startServiceForTest, waitUntil, type ServiceUnderTest, type TestDatabase } from '@authmesh/testing';
import { eventsService } from './index.js';

const SECRET = 'events-test-secret-key-long-enough-0123456789';
const ADMIN_KEY = 'admin-key';
const USER_KEY = 'user-key';

/** The fields of an event in the API answer that these tests read. */
interface EventJson {
  pk: string;
  action: string;
  expires: string;
}

interface EventPage {
  pagination: { count: number };
  results: EventJson[];
}

/**
 * The events service against a real database and bus, with core's IdentityService
 * answered by a stand-in gRPC server (services never import each other, tests included).
 */
describe('events service', () => {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const meshKey = deriveMeshKey(SECRET);
  let db: TestDatabase;
  let bus: InProcessBus;
  let grpc: GrpcHost;
  let events: ServiceUnderTest;
  let baseUrl: string;
  let grpcAddress: string;

  /** Calls the events API; `T` names the JSON shape the caller expects on success. */
  const api = async <T = unknown>(path: string, key: string | null = ADMIN_KEY) => {
    const res = await fetch(`${baseUrl}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_events');
    bus = new InProcessBus({ logger });
    grpc = new GrpcHost({ meshKey, logger });
    grpc.add('authmesh.core.v1.IdentityService', loadProtos().identity.authmesh.core.v1.IdentityService.service, {
      CheckToken: unary(logger, async (req: { key: string }) => {
        if (req.key === ADMIN_KEY)
          return { valid: true, user: { pk: '1', username: 'akadmin', is_superuser: true }, token_identifier: 'admin' };
        if (req.key === USER_KEY) return { valid: true, user: { pk: '2', username: 'bob', is_superuser: false }, token_identifier: 'bob' };
        return { valid: false };
      }),
    });
    grpcAddress = `127.0.0.1:${await grpc.start('127.0.0.1:0')}`;
    const config = loadConfig({ env: { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: SECRET } });
    events = await startServiceForTest(eventsService, { config, secretKey: SECRET, logger, bus, grpc, grpcAddress, databaseUrl: db.url });
    baseUrl = events.baseUrl;
  });

  afterAll(async () => {
    await events.close();
    await grpc.stop(100);
    await bus.close();
    await db.drop();
  });

  const publish = (fields: Record<string, unknown>) =>
    bus.publishDurable(Subjects.eventCreated, {
      event_uuid: randomUUID(),
      action: 'model_created',
      app: 'test',
      user: {},
      client_ip: '10.0.0.1',
      brand: {},
      context: {},
      ...fields,
    });

  it('persists events published on the bus, once even when redelivered', async () => {
    const id = randomUUID();
    await publish({
      event_uuid: id,
      context: { model: { app: 'authentik_core', model_name: 'user', pk: 5, name: 'carol' } },
      user: { pk: 1, username: 'akadmin' },
    });
    await bus.publish(Subjects.eventCreated, { event_uuid: id, action: 'model_created' });
    const event = await waitUntil(
      async () =>
        (await api<EventJson>(`/api/v3/events/events/${id}/`)).body.pk === id &&
        (await api<EventJson>(`/api/v3/events/events/${id}/`)).body,
    );
    expect(event).toMatchObject({ action: 'model_created', client_ip: '10.0.0.1', user: { username: 'akadmin' } });
    const list = await api<EventPage>('/api/v3/events/events/?context_model_name=user&context_model_pk=5');
    expect(list.body.pagination.count).toBe(1);
  });

  it("keeps an event until the expiry its publisher gave (the brand's retention)", async () => {
    const id = randomUUID();
    const created = new Date();
    const expires = new Date(created.getTime() + 86_400_000).toISOString();
    await publish({ event_uuid: id, created: created.toISOString(), expires });
    const event = await waitUntil(async () => {
      const res = await api<EventJson>(`/api/v3/events/events/${id}/`);
      return res.status === 200 ? res.body : null;
    });
    expect(event.expires).toBe(expires);
  });

  it('drops malformed events without stopping the consumer', async () => {
    await bus.publishDurable(Subjects.eventCreated, { action: 'NOT VALID', event_uuid: 'x' });
    const id = randomUUID();
    await publish({ event_uuid: id, action: 'login_failed', user: { username: 'mallory' } });
    await waitUntil(async () => (await api<EventPage>(`/api/v3/events/events/?username=mallory`)).body.pagination.count === 1);
  });

  it('records events sent through the CreateEvent RPC and refuses invalid ones', async () => {
    const client = new EventClient(grpcAddress, meshKey);
    const { pk } = await client.createEvent({ action: 'password_set', app: 'test', user_json: '{"username":"dave"}', context_json: '{}' });
    expect((await api<EventJson>(`/api/v3/events/events/${pk}/`)).body.action).toBe('password_set');
    await expect(client.createEvent({ action: 'x', context_json: '[1]' })).rejects.toMatchObject({ status: GrpcStatus.INVALID_ARGUMENT });
    client.close();
  });

  it('narrows the log to a date range and refuses a malformed date with a field error', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    await publish({ event_uuid: old, action: 'secret_view', created: '2026-01-10T08:00:00Z', user: { username: 'erin' } });
    await publish({ event_uuid: recent, action: 'secret_view', created: '2026-03-10T08:00:00Z', user: { username: 'erin' } });
    await waitUntil(async () => (await api<EventPage>('/api/v3/events/events/?username=erin')).body.pagination.count === 2);
    const pks = async (query: string) =>
      (await api<EventPage>(`/api/v3/events/events/?username=erin&${query}`)).body.results.map((event) => event.pk);
    expect(await pks('created__gte=2026-02-01T00:00:00Z')).toEqual([recent]);
    expect(await pks('created__lte=2026-02-01T00:00:00%2B01:00')).toEqual([old]);
    expect(await pks('created__gte=2026-01-10T08:00:00Z&created__lte=2026-03-10T08:00:00Z')).toEqual([recent, old]);
    expect(await pks('created__gte=2026-04-01T00:00:00Z')).toEqual([]);
    const bad = await api<Record<string, string[]>>('/api/v3/events/events/?created__gte=yesterday');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(['created__gte']);
  });

  it('lists the actions seen', async () => {
    const actions = (await api<{ name: string }[]>('/api/v3/events/events/actions/')).body.map((a) => a.name);
    expect(actions).toEqual(expect.arrayContaining(['model_created', 'password_set']));
  });

  it('authenticates through core and lets only superusers read the log', async () => {
    expect((await api('/api/v3/events/events/', null)).status).toBe(401);
    expect((await api('/api/v3/events/events/', 'unknown')).status).toBe(401);
    expect((await api('/api/v3/events/events/', USER_KEY)).status).toBe(403);
  });

  it('answers 404 for an unknown event and a malformed id', async () => {
    expect((await api(`/api/v3/events/events/${randomUUID()}/`)).status).toBe(404);
    expect((await api('/api/v3/events/events/nope/')).status).toBe(404);
  });

  it('purges expired events when core asks for a run over the bus, and reports the run', async () => {
    const finished: Array<{ service: string; name: string; status: string; messages: string[] }> = [];
    const sub = await bus.subscribe(Subjects.taskFinished, (m) => void finished.push(m.data as (typeof finished)[number]));
    const id = randomUUID();
    await publish({ event_uuid: id, created: '2025-01-01T00:00:00Z', expires: '2025-02-01T00:00:00Z' });
    await waitUntil(async () => (await api(`/api/v3/events/events/${id}/`)).status === 200);
    await bus.publish(Subjects.taskRunRequested, { service: 'events', name: 'event_retention_purge' });
    const run = await waitUntil(() => finished.find((r) => r.service === 'events' && r.name === 'event_retention_purge'));
    await sub.unsubscribe();
    expect(run.status).toBe('successful');
    expect(run.messages[0]).toMatch(/^[1-9]\d* expired event\(s\) deleted\.$/);
    expect((await api(`/api/v3/events/events/${id}/`)).status).toBe(404);
  });

  it('fails closed with 503 when core cannot be reached', async () => {
    await grpc.stop(100);
    const res = await api('/api/v3/events/events/');
    expect(res.status).toBe(503);
  });
});
