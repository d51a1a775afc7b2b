import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, FlowBrowser, type TestDatabase } from '@authmesh/testing';
import { apiClient, startOnFreePorts, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-notifications-token-0123456789abcdef';
const LOGIN = 'default-authentication-flow';

interface Received {
  path: string;
  body: Record<string, unknown>;
}

/** Reads a request body as JSON. */
async function jsonOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

/** Polls until `probe` answers something truthy. */
async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Notification rules across the running services: core holds the rule, its transports and its
 * policy binding; the events service matches a new event through the flows service's policy
 * engine, asks core for the group's members, and delivers to a webhook and to the admins'
 * notification list; the admin's transport test goes from core to the events service.
 */
describe('notifications', () => {
  let dir: string;
  let db: TestDatabase;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;
  let hooks: Server;
  let hookUrl = '';
  let hookStatus = 200;
  const received: Received[] = [];

  beforeAll(async () => {
    hooks = createServer((req, res) => {
      void jsonOf(req).then((body) => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(hookStatus).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}/hook`;
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-notifications-'));
    db = await createTestDatabase('authmesh_e2e_notifications');
    proc = await startOnFreePorts(
      {
        DATABASE_URL: db.url,
        AUTHMESH_SECRET_KEY: 'e2e-notifications-secret-key-long-enough-0123',
        AUTHMESH_BOOTSTRAP_PASSWORD: 'e2e notifications password',
        AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
        // The webhook receiver of this test listens on loopback, which the outbound client refuses by default.
        AUTHMESH_OUTBOUND_ALLOWED_CIDRS: '127.0.0.1/32',
      },
      dir,
    );
    api = apiClient(proc.baseUrl, TOKEN);
  });

  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => hooks?.close(resolve));
  });

  it('ships the default rules and transports, enabled for the admins group', async () => {
    const rules = (await api('GET', '/api/v3/events/rules/?ordering=name')).body.results as Array<{
      name: string;
      group_obj: { name: string } | null;
    }>;
    expect(rules.map((r) => r.name)).toEqual(
      expect.arrayContaining(['default-notify-configuration-error', 'default-notify-exception', 'default-notify-update']),
    );
    expect(rules.every((r) => r.group_obj?.name === 'authmesh Admins')).toBe(true);
    const transports = (await api('GET', '/api/v3/events/transports/')).body.results as Array<{ name: string; mode: string }>;
    expect(transports.map((t) => [t.name, t.mode])).toEqual(
      expect.arrayContaining([
        ['default-email-transport', 'email'],
        ['default-local-transport', 'local'],
      ]),
    );
  });

  it('notifies the admins of a failed login through a webhook and in their notification list', async () => {
    const admins = (await api('GET', '/api/v3/core/groups/?name=authmesh%20Admins')).body.results[0];
    const transport = await api('POST', '/api/v3/events/transports/', { name: 'ops webhook', mode: 'webhook', webhook_url: hookUrl });
    expect(transport.status).toBe(201);
    const local = (await api('GET', '/api/v3/events/transports/?name=default-local-transport')).body.results[0];
    const rule = await api('POST', '/api/v3/events/rules/', {
      name: 'failed logins',
      severity: 'warning',
      group: admins.pk,
      transports: [transport.body.pk, local.pk],
    });
    expect(rule.status).toBe(201);
    const policy = await api('POST', '/api/v3/policies/event_matcher/', { name: 'match failed logins', action: 'login_failed' });
    expect(policy.status).toBe(201);
    expect((await api('POST', '/api/v3/policies/bindings/', { policy: policy.body.pk, target: rule.body.pk, order: 0 })).status).toBe(201);

    const browser = new FlowBrowser(proc.baseUrl);
    await browser.start(LOGIN);
    await browser.submit(LOGIN, { uid_field: 'akadmin' });
    await browser.submit(LOGIN, { password: 'not the password' });

    const hook = await eventually(async () => received.find((r) => r.path === '/hook' && r.body.severity === 'warning'), 'the webhook');
    expect(hook.body).toMatchObject({ user_username: 'akadmin', event: { action: 'login_failed' } });
    expect(String(hook.body.body)).toMatch(/login/i);

    const mine = await eventually(async () => {
      const list = (await api('GET', '/api/v3/events/notifications/?seen=false')).body.results as Array<{
        pk: string;
        severity: string;
        event: { action: string } | null;
      }>;
      return list.find((n) => n.event?.action === 'login_failed');
    }, 'the notification');
    expect(mine.severity).toBe('warning');
    expect((await api('POST', '/api/v3/events/notifications/mark_all_seen/')).status).toBe(204);
    expect((await api('GET', '/api/v3/events/notifications/?seen=false')).body.results).toEqual([]);
  });

  it('tests a transport from the admin API: delivered, or 503 with the reason', async () => {
    const transport = (await api('GET', '/api/v3/events/transports/?name=ops%20webhook')).body.results[0];
    const before = received.length;
    const ok = await api('POST', `/api/v3/events/transports/${transport.pk}/test/`);
    expect(ok.status).toBe(200);
    expect(Array.isArray(ok.body.messages)).toBe(true);
    expect(received.length).toBe(before + 1);

    hookStatus = 500;
    const failed = await api('POST', `/api/v3/events/transports/${transport.pk}/test/`);
    expect(failed.status).toBe(503);
    expect(failed.body.messages.join(' ')).toMatch(/500/);
    hookStatus = 200;
  });
});
