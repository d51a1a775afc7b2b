import { Subjects } from '@authmesh/bus';
import { createLogger } from '@authmesh/logger';
import { GrpcHost, loadProtos, unary, type TestTransportRequest__Output } from '@authmesh/rpc';
import { NotFoundError, UnavailableError } from '@authmesh/runtime';
import { freePort } from '@authmesh/testing';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

interface ConfigChange {
  kind: string;
  pk: string;
  action: string;
}

describe('notification rules and transports API', () => {
  let core: CoreHarness;
  let events: GrpcHost;
  let eventsPort: number;
  /** What the stand-in events runtime was asked to test. */
  const tests: TestTransportRequest__Output[] = [];
  const changes: ConfigChange[] = [];
  let transportsAtStart: number;
  let rulesAtStart: number;

  /** A stand-in for the events runtime's NotificationService, on a real gRPC server. */
  async function startEvents(meshKey: string): Promise<GrpcHost> {
    const host = new GrpcHost({ meshKey, logger: createLogger({ level: 'silent' }) });
    host.add(loadProtos().notifications.authmesh.events.v1.NotificationService.service, {
      TestTransport: unary(createLogger({ level: 'silent' }), async (req: TestTransportRequest__Output) => {
        tests.push(req);
        const transport = await core.api('GET', `/api/v3/events/transports/${req.transport_pk}/`);
        if (transport.body.name === 'vanished') throw new NotFoundError('no such transport');
        if (transport.body.mode === 'webhook') throw new UnavailableError('webhook answered 502 Bad Gateway');
        return { messages: [`stored a notification for user ${req.user_pk}`] };
      }),
    });
    await host.start(`127.0.0.1:${eventsPort}`);
    return host;
  }

  beforeAll(async () => {
    eventsPort = await freePort();
    core = await startCore({ AUTHMESH_EVENTS_GRPC: `127.0.0.1:${eventsPort}` });
    events = await startEvents(core.meshKey);
    await core.bus.subscribe(Subjects.configChanged, (m) => void changes.push(m.data as ConfigChange));
    transportsAtStart = await count('notification_transports');
    rulesAtStart = await count('notification_rules');
  });
  afterAll(async () => {
    await events.stop(100);
    await core.close();
  });

  const count = async (table: string) => Number((await core.sql(`SELECT count(*) AS n FROM core.${table}`))[0].n);
  const waitForChange = async (match: Partial<ConfigChange>) => {
    for (let i = 0; i < 100; i++) {
      const found = changes.find((c) => Object.entries(match).every(([k, v]) => c[k as keyof ConfigChange] === v));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no config change ${JSON.stringify(match)} among ${JSON.stringify(changes)}`);
  };
  const mapping = async (name: string) =>
    (await core.api('POST', '/api/v3/propertymappings/notification/', { name, expression: 'return { text: notification.body };' })).body
      .pk as string;

  it('starts with the default transports and the rules that alert the admins (the events-default blueprint)', async () => {
    const transports = (await core.api('GET', '/api/v3/events/transports/?search=default-')).body.results;
    expect(transports.map((t: { name: string; mode: string }) => [t.name, t.mode])).toEqual([
      ['default-email-transport', 'email'],
      ['default-local-transport', 'local'],
    ]);
    const admins = (await core.api('GET', '/api/v3/core/groups/?name=authmesh%20Admins')).body.results[0];
    const rules = (await core.api('GET', '/api/v3/events/rules/?search=default-notify')).body.results;
    expect(rules.map((r: { name: string }) => r.name)).toEqual([
      'default-notify-configuration-error',
      'default-notify-exception',
      'default-notify-update',
    ]);
    for (const rule of rules) {
      expect(rule).toMatchObject({
        severity: 'alert',
        group: admins.pk,
        transports: expect.arrayContaining(transports.map((t: { pk: string }) => t.pk)),
      });
    }
    const exception = rules.find((r: { name: string }) => r.name === 'default-notify-exception');
    const bindings = (await core.api('GET', `/api/v3/policies/bindings/?target=${exception.pk}`)).body.results;
    expect(bindings.map((b: { order: number; policy_obj: { name: string } }) => [b.order, b.policy_obj.name])).toEqual([
      [0, 'default-match-policy-exception'],
      [1, 'default-match-property-mapping-exception'],
    ]);
  });

  describe('transports', () => {
    it('refuses bad input with field errors and stores nothing', async () => {
      const cases: Array<[unknown, Record<string, unknown>]> = [
        [{ name: 'hook', mode: 'webhook' }, { webhook_url: ['This field is required for webhook modes.'] }],
        [{ name: 'hook', mode: 'webhook_slack', webhook_url: '' }, { webhook_url: ['This field is required for webhook modes.'] }],
        [{ name: 'hook', mode: 'webhook', webhook_url: 'javascript:alert(1)' }, { webhook_url: ['Enter a valid http(s) URL.'] }],
        [{ name: 'hook', mode: 'webhook', webhook_url: 'not a url' }, { webhook_url: ['Enter a valid http(s) URL.'] }],
        [{ name: 'hook', mode: 'pigeon' }, { mode: ['Not a valid choice.'] }],
        [{ name: '', mode: 'local' }, { name: ['This field may not be blank.'] }],
        [{ mode: 'local' }, { name: expect.any(Array) }],
        [{ name: 'hook', send_once: 'yes' }, { send_once: expect.any(Array) }],
        [{ name: 'hook', webhook_mapping: 'nope' }, { webhook_mapping: ['Must be a valid UUID.'] }],
        [
          {
            name: 'hook',
            mode: 'webhook',
            webhook_url: 'https://hooks.example.com/x',
            webhook_mapping: '00000000-0000-4000-8000-000000000000',
          },
          { webhook_mapping: ['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.'] },
        ],
      ];
      for (const [body, errors] of cases) {
        const res = await core.api('POST', '/api/v3/events/transports/', body);
        expect({ body, status: res.status, errors: res.body }).toEqual({ body, status: 400, errors });
      }
      expect(await count('notification_transports')).toBe(transportsAtStart);
    });

    it('creates, reads, lists with filters, changes and deletes transports', async () => {
      const mappingPk = await mapping('chat body');
      const local = await core.api('POST', '/api/v3/events/transports/', { name: 'inbox', mode: 'local' });
      expect(local.status).toBe(201);
      expect(local.body).toEqual({
        pk: expect.any(String),
        name: 'inbox',
        mode: 'local',
        mode_verbose: expect.any(String),
        webhook_url: '',
        webhook_mapping: null,
        send_once: false,
      });
      const chat = await core.api('POST', '/api/v3/events/transports/', {
        name: 'chat',
        mode: 'webhook_slack',
        webhook_url: 'https://chat.example.com/hook',
        webhook_mapping: mappingPk,
        send_once: true,
      });
      expect(chat.status).toBe(201);
      expect(chat.body).toMatchObject({ mode: 'webhook_slack', webhook_mapping: mappingPk, send_once: true });
      expect(chat.body.mode_verbose).not.toBe(local.body.mode_verbose);

      expect((await core.api('GET', `/api/v3/events/transports/${chat.body.pk}/`)).body).toEqual(chat.body);
      const names = async (query: string) =>
        (await core.api('GET', `/api/v3/events/transports/?${query}`)).body.results
          .map((t: { name: string }) => t.name)
          .filter((name: string) => !name.startsWith('default-'));
      expect(await names('ordering=name')).toEqual(['chat', 'inbox']);
      expect(await names('ordering=-name')).toEqual(['inbox', 'chat']);
      expect(await names('mode=local')).toEqual(['inbox']);
      expect(await names('name=chat')).toEqual(['chat']);
      expect(await names('search=INB')).toEqual(['inbox']);
      expect((await core.api('GET', '/api/v3/events/transports/?mode=pigeon')).status).toBe(400);

      const duplicate = await core.api('POST', '/api/v3/events/transports/', { name: 'inbox' });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body).toEqual({ name: ['A notification transport with this name already exists.'] });

      // Switching to a webhook mode needs a URL; the refused change leaves the transport as it was.
      const refused = await core.api('PATCH', `/api/v3/events/transports/${local.body.pk}/`, { mode: 'webhook' });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ webhook_url: ['This field is required for webhook modes.'] });
      expect((await core.api('GET', `/api/v3/events/transports/${local.body.pk}/`)).body.mode).toBe('local');

      const patched = await core.api('PATCH', `/api/v3/events/transports/${local.body.pk}/`, {
        mode: 'webhook',
        webhook_url: 'http://hooks.example.com/in',
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'inbox', mode: 'webhook', webhook_url: 'http://hooks.example.com/in' });
      const replaced = await core.api('PUT', `/api/v3/events/transports/${local.body.pk}/`, { name: 'inbox-2', mode: 'email' });
      expect(replaced.body).toMatchObject({ name: 'inbox-2', mode: 'email', webhook_url: '', send_once: false });

      // A changed mapping changes the transport as the events runtime caches it.
      changes.length = 0;
      await core.api('PATCH', `/api/v3/propertymappings/notification/${mappingPk}/`, { expression: 'return { text: "changed" };' });
      await waitForChange({ kind: 'authentik_events.notificationtransport', pk: chat.body.pk, action: 'updated' });

      // Deleting the mapping leaves the transport, without a mapping.
      changes.length = 0;
      expect((await core.api('DELETE', `/api/v3/propertymappings/notification/${mappingPk}/`)).status).toBe(204);
      await waitForChange({ kind: 'authentik_events.notificationtransport', pk: chat.body.pk, action: 'updated' });
      expect((await core.api('GET', `/api/v3/events/transports/${chat.body.pk}/`)).body.webhook_mapping).toBeNull();

      for (const pk of [local.body.pk, chat.body.pk]) {
        expect((await core.api('DELETE', `/api/v3/events/transports/${pk}/`)).status).toBe(204);
        expect((await core.api('GET', `/api/v3/events/transports/${pk}/`)).status).toBe(404);
      }
    });

    it('announces created, updated and deleted transports to the runtimes', async () => {
      const created = await core.api('POST', '/api/v3/events/transports/', { name: 'announced' });
      await core.api('PATCH', `/api/v3/events/transports/${created.body.pk}/`, { send_once: true });
      await core.api('DELETE', `/api/v3/events/transports/${created.body.pk}/`);
      for (const action of ['created', 'updated', 'deleted']) {
        await waitForChange({ kind: 'authentik_events.notificationtransport', pk: created.body.pk, action });
      }
    });

    it('is for superusers only', async () => {
      const user = await core.api('POST', '/api/v3/core/users/', { username: 'notify-reader' });
      await core.api('POST', '/api/v3/core/tokens/', { identifier: 'notify-reader-api', user: user.body.pk, expiring: false });
      const key = (await core.api('GET', '/api/v3/core/tokens/notify-reader-api/view_key/')).body.key as string;
      const transport = await core.api('POST', '/api/v3/events/transports/', { name: 'guarded' });
      for (const [method, path] of [
        ['GET', '/api/v3/events/transports/'],
        ['POST', `/api/v3/events/transports/${transport.body.pk}/test/`],
        ['GET', '/api/v3/events/rules/'],
        ['POST', '/api/v3/events/rules/'],
      ]) {
        expect((await core.api(method, path, method === 'POST' ? { name: 'x' } : undefined, key)).status).toBe(403);
      }
      expect(tests).toHaveLength(0);
      expect((await core.api('GET', '/api/v3/events/transports/', undefined, null)).status).toBe(401);
    });
  });

  describe('the transport test action', () => {
    it('asks the events runtime to notify the requesting admin and shows its messages', async () => {
      const transport = await core.api('POST', '/api/v3/events/transports/', { name: 'test-local', mode: 'local' });
      const admin = (await core.api('GET', '/api/v3/core/users/?username=akadmin')).body.results[0];
      const res = await core.api('POST', `/api/v3/events/transports/${transport.body.pk}/test/`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ messages: [`stored a notification for user ${admin.pk}`] });
      expect(tests.at(-1)).toEqual({ transport_pk: transport.body.pk, user_pk: String(admin.pk) });
    });

    it('answers 503 with the reason when the delivery fails, and 404 for transports nobody knows', async () => {
      const hook = await core.api('POST', '/api/v3/events/transports/', {
        name: 'test-hook',
        mode: 'webhook',
        webhook_url: 'https://hooks.example.com/down',
      });
      const failed = await core.api('POST', `/api/v3/events/transports/${hook.body.pk}/test/`);
      expect(failed.status).toBe(503);
      expect(failed.body).toEqual({ messages: ['webhook answered 502 Bad Gateway'] });

      const vanished = await core.api('POST', '/api/v3/events/transports/', { name: 'vanished' });
      const notFound = await core.api('POST', `/api/v3/events/transports/${vanished.body.pk}/test/`);
      expect(notFound.status).toBe(404);

      const asked = tests.length;
      const unknown = await core.api('POST', '/api/v3/events/transports/00000000-0000-4000-8000-000000000000/test/');
      expect(unknown.status).toBe(404);
      expect(tests).toHaveLength(asked);
    });
  });

  describe('rules', () => {
    it('refuses bad input with field errors and stores nothing', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const cases: Array<[unknown, Record<string, unknown>]> = [
        [{ name: 'r', severity: 'panic' }, { severity: ['Not a valid choice.'] }],
        [{ name: 'r', policy_engine_mode: 'most' }, { policy_engine_mode: ['Not a valid choice.'] }],
        [{ name: 'r', group: missing }, { group: [`Invalid pk "${missing}" - object does not exist.`] }],
        [{ name: 'r', transports: [missing] }, { transports: [`Invalid pk "${missing}" - object does not exist.`] }],
        [{ name: 'r', transports: 'all' }, { transports: expect.any(Array) }],
        [{ name: '  ' }, { name: ['This field may not be blank.'] }],
      ];
      for (const [body, errors] of cases) {
        const res = await core.api('POST', '/api/v3/events/rules/', body);
        expect({ body, status: res.status, errors: res.body }).toEqual({ body, status: 400, errors });
      }
      expect(await count('notification_rules')).toBe(rulesAtStart);
    });

    it('creates rules with transports and a group, filters them, and follows deletions of both', async () => {
      const group = (await core.api('POST', '/api/v3/core/groups/', { name: 'on-call' })).body;
      const mail = (await core.api('POST', '/api/v3/events/transports/', { name: 'rule-mail', mode: 'email' })).body;
      const inbox = (await core.api('POST', '/api/v3/events/transports/', { name: 'rule-inbox', mode: 'local' })).body;
      const alert = await core.api('POST', '/api/v3/events/rules/', {
        name: 'disk-full',
        severity: 'alert',
        group: group.pk,
        transports: [mail.pk, inbox.pk],
        policy_engine_mode: 'all',
      });
      expect(alert.status).toBe(201);
      expect(alert.body).toEqual({
        pk: expect.any(String),
        name: 'disk-full',
        severity: 'alert',
        group: group.pk,
        group_obj: { pk: group.pk, name: 'on-call' },
        transports: [inbox.pk, mail.pk],
        policy_engine_mode: 'all',
      });
      const quiet = await core.api('POST', '/api/v3/events/rules/', { name: 'quiet' });
      expect(quiet.body).toMatchObject({ severity: 'notice', group: null, group_obj: null, transports: [], policy_engine_mode: 'any' });

      const names = async (query: string) =>
        (await core.api('GET', `/api/v3/events/rules/?${query}`)).body.results
          .map((r: { name: string }) => r.name)
          .filter((name: string) => !name.startsWith('default-'));
      expect(await names('ordering=name')).toEqual(['disk-full', 'quiet']);
      expect(await names('severity=alert')).toEqual(['disk-full']);
      expect(await names('name=quiet')).toEqual(['quiet']);
      expect(await names('search=DISK')).toEqual(['disk-full']);

      const patched = await core.api('PATCH', `/api/v3/events/rules/${alert.body.pk}/`, { transports: [mail.pk], severity: 'warning' });
      expect(patched.body).toMatchObject({ transports: [mail.pk], severity: 'warning', group: group.pk });
      expect((await core.api('PATCH', `/api/v3/events/rules/${quiet.body.pk}/`, { name: 'disk-full' })).body).toEqual({
        name: ['A notification rule with this name already exists.'],
      });

      const transportUsedBy = await core.api('GET', `/api/v3/events/transports/${mail.pk}/used_by/`);
      expect(transportUsedBy.status).toBe(200);
      expect(transportUsedBy.body).toContainEqual(
        expect.objectContaining({ app: 'authentik_events', model_name: 'notificationrule', pk: alert.body.pk, name: 'disk-full' }),
      );
      const groupUsedBy = await core.api('GET', `/api/v3/core/groups/${group.pk}/used_by/`);
      expect(groupUsedBy.body).toContainEqual(
        expect.objectContaining({ model_name: 'notificationrule', pk: alert.body.pk, action: 'set_null' }),
      );

      // Deleting a transport takes it out of the rule; deleting the group disables the rule.
      await core.api('DELETE', `/api/v3/events/transports/${mail.pk}/`);
      expect((await core.api('GET', `/api/v3/events/rules/${alert.body.pk}/`)).body.transports).toEqual([]);
      changes.length = 0;
      await core.api('DELETE', `/api/v3/core/groups/${group.pk}/`);
      expect((await core.api('GET', `/api/v3/events/rules/${alert.body.pk}/`)).body).toMatchObject({ group: null, group_obj: null });
      await waitForChange({ kind: 'authentik_events.notificationrule', pk: alert.body.pk, action: 'updated' });
    });

    it('is the target of policy bindings, which go with it, and announces changes to its bindings as changes of the rule', async () => {
      const rule = (await core.api('POST', '/api/v3/events/rules/', { name: 'bound-rule' })).body;
      await waitForChange({ kind: 'authentik_events.notificationrule', pk: rule.pk, action: 'created' });
      const policy = (await core.api('POST', '/api/v3/policies/event_matcher/', { name: 'match-login', action: 'login' })).body;
      changes.length = 0;
      const binding = await core.api('POST', '/api/v3/policies/bindings/', { target: rule.pk, policy: policy.pk, order: 0 });
      expect(binding.status).toBe(201);
      expect(binding.body).toMatchObject({ target: rule.pk, policy: policy.pk });
      await waitForChange({ kind: 'authentik_events.notificationrule', pk: rule.pk, action: 'updated' });

      const listed = await core.api('GET', `/api/v3/policies/bindings/?target=${rule.pk}`);
      expect(listed.body.results.map((b: { pk: string }) => b.pk)).toEqual([binding.body.pk]);
      const usedBy = await core.api('GET', `/api/v3/events/rules/${rule.pk}/used_by/`);
      expect(usedBy.body).toContainEqual(expect.objectContaining({ model_name: 'policybinding', pk: binding.body.pk, action: 'cascade' }));

      changes.length = 0;
      await core.api('PATCH', `/api/v3/policies/bindings/${binding.body.pk}/`, { enabled: false });
      await waitForChange({ kind: 'authentik_events.notificationrule', pk: rule.pk, action: 'updated' });

      expect((await core.api('DELETE', `/api/v3/events/rules/${rule.pk}/`)).status).toBe(204);
      await waitForChange({ kind: 'authentik_events.notificationrule', pk: rule.pk, action: 'deleted' });
      expect((await core.api('GET', `/api/v3/policies/bindings/${binding.body.pk}/`)).status).toBe(404);
      expect((await core.api('GET', `/api/v3/policies/event_matcher/${policy.pk}/`)).status).toBe(200);
    });

    it('keeps the one-target rule of bindings in the database', async () => {
      const rule = (await core.api('POST', '/api/v3/events/rules/', { name: 'one-target' })).body;
      const flow = (
        await core.api('POST', '/api/v3/flows/instances/', {
          name: 'F',
          slug: 'one-target-flow',
          title: 'F',
          designation: 'authentication',
        })
      ).body;
      const policy = (await core.api('POST', '/api/v3/policies/dummy/', { name: 'one-target-dummy' })).body;
      await expect(
        core.sql(
          `INSERT INTO core.policy_bindings (target_flow_id, target_notification_rule_id, policy_id, "order") VALUES ($1, $2, $3, 0)`,
          [flow.pk, rule.pk, policy.pk],
        ),
      ).rejects.toThrow(/policy_bindings_one_target/);
    });
  });

  it('answers 503 with the reason when the events runtime is down', async () => {
    const transport = await core.api('POST', '/api/v3/events/transports/', { name: 'while-down' });
    await events.stop(100);
    const res = await core.api('POST', `/api/v3/events/transports/${transport.body.pk}/test/`);
    expect(res.status).toBe(503);
    expect(res.body.messages).toHaveLength(1);
  });
});
