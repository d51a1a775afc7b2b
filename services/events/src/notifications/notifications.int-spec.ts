import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import * as grpcJs from '@grpc/grpc-js';
import { InProcessBus, Subjects } from '@authmesh/bus';
import { loadConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import {
  GrpcHost,
  GrpcStatus,
  loadProtos,
  MESH_AUTH_METADATA,
  MESH_AUTH_SCHEME,
  unary,
  type EvaluateBindingsRequest__Output,
  type NotificationRule,
  type NotificationTransport,
  type TestTransportResponse__Output,
} from '@authmesh/rpc';
import { deriveMeshKey, NotFoundError } from '@authmesh/runtime';
import {
  createTestDatabase,
  startServiceForTest,
  startSmtpTestServer,
  waitUntil,
  type ServiceUnderTest,
  type SmtpTestServer,
  type TestDatabase,
} from '@authmesh/testing';
import { eventsService } from '../index.js';

const SECRET = 'events-notify-secret-key-long-enough-0123456789';
const USERS = {
  admin: { key: 'admin-key', pk: '1', username: 'akadmin', email: 'admin@example.com', is_superuser: true },
  bob: { key: 'bob-key', pk: '2', username: 'bob', email: 'bob@example.com', is_superuser: false },
  carol: { key: 'carol-key', pk: '3', username: 'carol', email: '', is_superuser: false },
};
type UserName = keyof typeof USERS;

interface NotificationJson {
  pk: string;
  severity: string;
  body: string;
  created: string;
  seen: boolean;
  event: { pk: string; action: string; context: Record<string, unknown> } | null;
}
interface Page<T> {
  pagination: { count: number };
  results: T[];
}
interface Received {
  path: string;
  body: Record<string, unknown>;
}

/** Which events a rule matches: the stand-in for its policy bindings, evaluated where flows would. */
type Matcher = (event: { action: string; context: Record<string, unknown> }, userPk: string) => boolean;

/**
 * Notification rules end to end in the events service: real database and bus, core's
 * NotificationConfigService and IdentityService and flows' EvaluateBindings answered by
 * in-test gRPC stand-ins (services never import each other), a local HTTP server receiving
 * webhooks and an SMTP test server receiving e-mail.
 */
describe('notifications', () => {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const meshKey = deriveMeshKey(SECRET);
  let db: TestDatabase;
  let bus: InProcessBus;
  let grpc: GrpcHost;
  let events: ServiceUnderTest;
  let smtp: SmtpTestServer;
  let webhooks: Server;
  let hookBase: string;
  let grpcAddress: string;
  const received: Received[] = [];

  let rules: NotificationRule[] = [];
  let ruleListings = 0;
  const transports = new Map<string, NotificationTransport>();
  const groups = new Map<string, UserName[]>([['staff', ['bob', 'carol']]]);
  const matchers = new Map<string, Matcher>();
  const evaluations: EvaluateBindingsRequest__Output[] = [];

  const recipient = (name: UserName) => ({ pk: USERS[name].pk, username: USERS[name].username, name: name, email: USERS[name].email });

  const api = async <T = unknown>(method: string, path: string, user: UserName | null, body?: unknown) => {
    const headers: Record<string, string> = user ? { authorization: `Bearer ${USERS[user].key}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${events.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const own = async (user: UserName, query = '') =>
    (await api<Page<NotificationJson>>('GET', `/api/v3/events/notifications/${query}`, user)).body;

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_events_notify');
    bus = new InProcessBus({ logger });
    smtp = await startSmtpTestServer();
    webhooks = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as Record<string, unknown>,
        });
        res.statusCode = req.url === '/fail' ? 500 : 200;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => webhooks.listen(0, '127.0.0.1', resolve));
    hookBase = `http://127.0.0.1:${(webhooks.address() as AddressInfo).port}`;

    grpc = new GrpcHost({ meshKey, logger });
    const protos = loadProtos();
    const byPk = (pk: string) => Object.values(USERS).find((u) => u.pk === pk);
    grpc.add(protos.identity.authmesh.core.v1.IdentityService.service, {
      CheckToken: unary(logger, async (req: { key: string }) => {
        const user = Object.values(USERS).find((u) => u.key === req.key);
        return user ? { valid: true, user: { ...user, is_active: true }, token_identifier: user.username } : { valid: false };
      }),
      GetUser: unary(logger, async (req: { pk?: string }) => {
        const user = byPk(req.pk ?? '');
        if (!user) throw new NotFoundError('user not found');
        return { pk: user.pk, username: user.username, name: user.username, email: user.email, is_active: true };
      }),
    });
    grpc.add(protos.notificationConfig.authmesh.core.v1.NotificationConfigService.service, {
      ListNotificationRules: unary(logger, async () => {
        ruleListings++;
        return { rules };
      }),
      GetNotificationTransport: unary(logger, async (req: { pk: string }) => {
        const transport = transports.get(req.pk);
        if (!transport) throw new NotFoundError('transport not found');
        return transport;
      }),
      ListGroupMembers: unary(logger, async (req: { group_pk: string }) => {
        const members = groups.get(req.group_pk);
        if (!members) throw new NotFoundError('group not found');
        return { members: members.map(recipient) };
      }),
    });
    grpc.add(protos.flows.authmesh.flows.v1.FlowService.service, {
      EvaluateBindings: unary(logger, async (req: EvaluateBindingsRequest__Output) => {
        evaluations.push(req);
        const matcher = matchers.get(req.target_pk);
        if (!matcher) return { passing: req.pass_without_bindings, messages: [] };
        const { event } = JSON.parse(req.context_json) as { event: { action: string; context: Record<string, unknown> } };
        return { passing: matcher(event, req.user_pk), messages: [] };
      }),
    });
    grpcAddress = `127.0.0.1:${await grpc.start('127.0.0.1:0')}`;
    const config = loadConfig({
      env: {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: SECRET,
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
        AUTHMESH_EMAIL_HOST: smtp.host,
        AUTHMESH_EMAIL_PORT: String(smtp.port),
        AUTHMESH_EMAIL_FROM: 'authmesh@example.com',
      },
    });
    events = await startServiceForTest(eventsService, { config, secretKey: SECRET, logger, bus, grpc, grpcAddress, databaseUrl: db.url });
  });

  afterAll(async () => {
    await events.close();
    await grpc.stop(100);
    await bus.close();
    await smtp.close();
    await new Promise((resolve) => webhooks.close(resolve));
    await db.drop();
  });

  /** Replaces the rules core serves and announces the change, as core does after an edit. */
  async function configure(next: NotificationRule[]): Promise<void> {
    rules = next;
    for (const rule of next) for (const transport of rule.transports ?? []) transports.set(String(transport.pk), transport);
    await bus.publish(Subjects.configChanged, { kind: 'authentik_events.notificationrule', pk: '', action: 'updated' });
  }

  function rule(fields: Partial<NotificationRule> & { matcher?: Matcher }): NotificationRule {
    const pk = randomUUID();
    if (fields.matcher) matchers.set(pk, fields.matcher);
    const { matcher: _matcher, ...rest } = fields;
    return {
      pk,
      name: `rule ${pk.slice(0, 4)}`,
      severity: 'notice',
      group_pk: 'staff',
      policy_engine_mode: 'any',
      transports: [],
      ...rest,
    };
  }

  function transport(mode: string, fields: Partial<NotificationTransport> = {}): NotificationTransport {
    return {
      pk: randomUUID(),
      name: `${mode} transport`,
      mode,
      webhook_url: '',
      webhook_mapping_expression: '',
      webhook_mapping_name: '',
      send_once: false,
      ...fields,
    };
  }

  async function publish(fields: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    await bus.publishDurable(Subjects.eventCreated, {
      event_uuid: id,
      action: 'model_created',
      app: 'authmesh.core',
      user: { pk: 1, username: 'akadmin' },
      client_ip: '192.0.2.7',
      brand: {},
      context: {},
      ...fields,
    });
    return id;
  }

  const byMessage =
    (text: string): Matcher =>
    (event) =>
      event.context.message === text;

  it('stores a local notification for each group member, and each user sees only their own', async () => {
    await configure([rule({ severity: 'warning', matcher: byMessage('local one') })]);
    const eventId = await publish({ action: 'login_failed', context: { message: 'local one' }, user: { pk: 9, username: 'mallory' } });
    const bobs = await waitUntil(async () => {
      const page = await own('bob');
      return page.pagination.count === 1 ? page.results[0] : null;
    });
    expect(bobs).toMatchObject({ severity: 'warning', body: 'Login failed: local one (user mallory)', seen: false });
    expect(bobs.event).toMatchObject({ pk: eventId, action: 'login_failed', context: { message: 'local one' } });
    expect((await own('carol')).pagination.count).toBe(1);
    // A superuser sees only their own notifications too, and another user's is not found.
    expect((await own('admin')).pagination.count).toBe(0);
    for (const method of ['GET', 'DELETE'])
      expect((await api(method, `/api/v3/events/notifications/${bobs.pk}/`, 'admin')).status).toBe(404);
    expect((await api('PATCH', `/api/v3/events/notifications/${bobs.pk}/`, 'carol', { seen: true })).status).toBe(404);
    expect((await api<NotificationJson>('GET', `/api/v3/events/notifications/${bobs.pk}/`, 'bob')).body.seen).toBe(false);
    expect((await api('GET', '/api/v3/events/notifications/', null)).status).toBe(401);
  });

  it('marks seen, filters, validates and deletes', async () => {
    const [mine] = (await own('bob')).results;
    const invalid = await api<Record<string, string[]>>('PATCH', `/api/v3/events/notifications/${mine.pk}/`, 'bob', { seen: 'yes' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body)).toEqual(['seen']);
    expect((await api<NotificationJson>('GET', `/api/v3/events/notifications/${mine.pk}/`, 'bob')).body.seen).toBe(false);
    expect((await api('GET', '/api/v3/events/notifications/?seen=maybe', 'bob')).status).toBe(400);
    expect((await api('GET', '/api/v3/events/notifications/?severity=urgent', 'bob')).status).toBe(400);

    const patched = await api<NotificationJson>('PATCH', `/api/v3/events/notifications/${mine.pk}/`, 'bob', {
      seen: true,
      body: 'changed',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ seen: true, body: mine.body });
    expect((await own('bob', '?seen=false')).pagination.count).toBe(0);
    expect((await own('bob', '?seen=true&severity=warning')).pagination.count).toBe(1);
    expect((await own('bob', '?severity=alert')).pagination.count).toBe(0);
    // Carol's notification of the same event is still unseen.
    expect((await own('carol', '?seen=false')).pagination.count).toBe(1);

    expect((await api('POST', '/api/v3/events/notifications/mark_all_seen/', 'carol')).status).toBe(204);
    expect((await own('carol', '?seen=false')).pagination.count).toBe(0);

    expect((await api('DELETE', `/api/v3/events/notifications/${mine.pk}/`, 'bob')).status).toBe(204);
    expect((await api('GET', `/api/v3/events/notifications/${mine.pk}/`, 'bob')).status).toBe(404);
    expect((await own('carol')).pagination.count).toBe(1);
  });

  it("removes a deleted user's notifications when core announces the deletion", async () => {
    await configure([rule({ matcher: byMessage('before deletion') })]);
    await publish({ context: { message: 'before deletion' } });
    await waitUntil(async () => (await own('bob')).pagination.count === 1 && (await own('carol')).pagination.count === 2);
    await bus.publish(Subjects.configChanged, { kind: 'authentik_core.user', pk: USERS.carol.pk, action: 'deleted' });
    await waitUntil(async () => (await own('carol')).pagination.count === 0);
    expect((await own('bob')).pagination.count).toBe(1);
  });

  it('does not match a rule without policy bindings, and asks flows with the event and its user', async () => {
    const unbound = rule({});
    await configure([unbound]);
    evaluations.length = 0;
    await publish({ action: 'login', user: { pk: 2, username: 'bob' }, context: { message: 'unbound' } });
    const asked = await waitUntil(() => evaluations.find((e) => e.target_pk === unbound.pk));
    expect(asked).toMatchObject({ user_pk: '2', client_ip: '192.0.2.7', pass_without_bindings: false, policy_engine_mode: 'any' });
    expect(JSON.parse(asked.context_json)).toMatchObject({
      event: { action: 'login', app: 'authmesh.core', context: { message: 'unbound' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await own('bob')).results.filter((n) => n.event?.context.message === 'unbound')).toEqual([]);
  });

  it('POSTs webhooks: the default body, a mapping result, and a Slack payload once per match', async () => {
    const plain = transport('webhook', { webhook_url: `${hookBase}/plain` });
    const mapped = transport('webhook', {
      webhook_url: `${hookBase}/mapped`,
      webhook_mapping_name: 'compact',
      webhook_mapping_expression: 'return { text: notification.body, to: user.username, action: notification.event.action };',
    });
    const slack = transport('webhook_slack', { webhook_url: `${hookBase}/slack`, send_once: true });
    await configure([rule({ severity: 'alert', matcher: byMessage('hooks'), transports: [plain, mapped, slack] })]);
    const eventId = await publish({ action: 'suspicious_request', context: { message: 'hooks' } });
    await waitUntil(
      () => received.filter((r) => r.path === '/slack').length === 1 && received.filter((r) => r.path !== '/slack').length === 4,
    );
    expect(received.filter((r) => r.path === '/plain').map((r) => r.body)).toEqual([
      expect.objectContaining({
        body: 'Suspicious request: hooks (user akadmin)',
        severity: 'alert',
        user_username: 'bob',
        user_email: 'bob@example.com',
        event: expect.objectContaining({ pk: eventId }),
      }),
      expect.objectContaining({ user_username: 'carol', user_email: '' }),
    ]);
    expect(received.filter((r) => r.path === '/mapped').map((r) => r.body)).toEqual([
      { text: 'Suspicious request: hooks (user akadmin)', to: 'bob', action: 'suspicious_request' },
      { text: 'Suspicious request: hooks (user akadmin)', to: 'carol', action: 'suspicious_request' },
    ]);
    const [slackMessage] = received.filter((r) => r.path === '/slack');
    expect(slackMessage.body).toMatchObject({
      text: 'Suspicious request: hooks (user akadmin)',
      attachments: [expect.objectContaining({ color: '#c9190b' })],
    });
  });

  it('e-mails members that have an address through the configured SMTP server', async () => {
    await configure([rule({ matcher: byMessage('mail me'), transports: [transport('email')] })]);
    await publish({ action: 'password_set', context: { message: 'mail me' } });
    const mail = await smtp.waitForMessage((m) => m.text.includes('mail me'));
    expect(mail.to).toEqual(['bob@example.com']);
    expect(mail.subject).toContain('Password set: mail me');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.filter((m) => m.text.includes('mail me'))).toHaveLength(1);
  });

  it('records a failed delivery as an event that never triggers rules again', async () => {
    const failing = transport('webhook', { name: 'broken hook', webhook_url: `${hookBase}/fail`, send_once: true });
    const denied = transport('webhook', { name: 'metadata hook', webhook_url: 'http://169.254.169.254/latest', send_once: true });
    // This rule matches every event, its own failure events included, were they matched.
    const everything = rule({ matcher: () => true, transports: [failing, denied] });
    await configure([everything]);
    const before = received.filter((r) => r.path === '/fail').length;
    const cause = await publish({ action: 'configuration_error', context: { message: 'boom' } });
    const failures = await waitUntil(async () => {
      const res = await fetch(`${events.baseUrl}/api/v3/events/events/?action=system_exception`, {
        headers: { authorization: `Bearer ${USERS.admin.key}` },
      });
      const page = (await res.json()) as Page<{ pk: string; context: Record<string, unknown> }>;
      return page.pagination.count === 2 ? page.results : null;
    });
    const messages = failures.map((f) => String(f.context.message)).sort();
    expect(messages[0]).toContain('"broken hook": webhook answered HTTP 500');
    expect(messages[1]).toContain('"metadata hook": webhook not delivered');
    expect(failures[0].context.notification_delivery).toMatchObject({ rule: { pk: everything.pk }, event: cause });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const evaluated = evaluations
      .filter((e) => e.target_pk === everything.pk)
      .map((e) => (JSON.parse(e.context_json) as { event: { pk: string } }).event.pk);
    expect(evaluated).toEqual([cause]);
    expect(received.filter((r) => r.path === '/fail').length).toBe(before + 1);
  });

  it('drops cached rules on a change notice for transports, and keeps them otherwise', async () => {
    await configure([]);
    const before = ruleListings;
    await publish({ action: 'login', context: { message: 'warm' } });
    const listed = await waitUntil(() => (ruleListings === before + 1 ? ruleListings : 0));
    await publish({ action: 'login', context: { message: 'cached' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ruleListings).toBe(listed);
    await bus.publish(Subjects.configChanged, { kind: 'authentik_core.user', pk: '5', action: 'updated' });
    await publish({ action: 'login', context: { message: 'still cached' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ruleListings).toBe(listed);
    await bus.publish(Subjects.configChanged, { kind: 'authentik_events.notificationtransport', pk: '5', action: 'updated' });
    await publish({ action: 'login', context: { message: 'fresh' } });
    await waitUntil(() => ruleListings === listed + 1);
  });

  describe('TestTransport RPC', () => {
    const call = (request: { transport_pk: string; user_pk: string }) => {
      const Client = loadProtos().notifications.authmesh.events.v1.NotificationService;
      const client = new Client(grpcAddress, grpcJs.credentials.createInsecure());
      const metadata = new grpcJs.Metadata();
      metadata.set(MESH_AUTH_METADATA, `${MESH_AUTH_SCHEME} ${meshKey}`);
      return new Promise<TestTransportResponse__Output>((resolve, reject) =>
        client.TestTransport(request, metadata, (error, response) => {
          client.close();
          if (error || !response) reject(error ?? new Error('no response'));
          else resolve(response);
        }),
      ).finally(() => client.close());
    };

    it('stores a test notification for the user through a local transport', async () => {
      const local = transport('local');
      transports.set(String(local.pk), local);
      const answer = await call({ transport_pk: String(local.pk), user_pk: USERS.admin.pk });
      expect(answer.messages).toEqual(['Notification stored for akadmin.']);
      const [notification] = (await own('admin')).results;
      expect(notification).toMatchObject({ body: 'This is a test notification from authmesh.', severity: 'notice', event: null });
    });

    it('POSTs to a webhook and reports its status; a failing one answers UNAVAILABLE with the reason', async () => {
      const hook = transport('webhook', { webhook_url: `${hookBase}/test` });
      const broken = transport('webhook', { webhook_url: `${hookBase}/fail` });
      transports.set(String(hook.pk), hook);
      transports.set(String(broken.pk), broken);
      expect((await call({ transport_pk: String(hook.pk), user_pk: USERS.bob.pk })).messages).toEqual(['Webhook answered HTTP 200.']);
      expect(received.filter((r) => r.path === '/test').at(-1)?.body).toMatchObject({ user_username: 'bob', event: null });
      await expect(call({ transport_pk: String(broken.pk), user_pk: USERS.bob.pk })).rejects.toMatchObject({
        code: GrpcStatus.UNAVAILABLE,
        details: 'webhook answered HTTP 500',
      });
    });

    it('answers NOT_FOUND for an unknown transport or user, INVALID_ARGUMENT for malformed ids', async () => {
      const local = transport('local');
      transports.set(String(local.pk), local);
      await expect(call({ transport_pk: randomUUID(), user_pk: '1' })).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
      await expect(call({ transport_pk: String(local.pk), user_pk: '404' })).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
      await expect(call({ transport_pk: 'nope', user_pk: '1' })).rejects.toMatchObject({ code: GrpcStatus.INVALID_ARGUMENT });
    });
  });
});
