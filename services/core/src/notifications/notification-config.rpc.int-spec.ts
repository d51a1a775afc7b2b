import { GrpcStatus, NotificationConfigClient, RpcCallError } from '@authmesh/rpc';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

describe('NotificationConfigService over gRPC', () => {
  let core: CoreHarness;
  let client: NotificationConfigClient;

  beforeAll(async () => {
    core = await startCore();
    client = new NotificationConfigClient(core.grpcAddress, core.meshKey);
  });
  afterAll(async () => {
    client.close();
    await core.close();
  });

  const statusOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof RpcCallError ? error.status : error),
    );

  it('lists the rules that have a group, with their transports and mapping expressions', async () => {
    const expression = 'return { content: notification.body };';
    const mapping = (await core.api('POST', '/api/v3/propertymappings/notification/', { name: 'rpc body', expression })).body;
    const hook = (
      await core.api('POST', '/api/v3/events/transports/', {
        name: 'rpc-hook',
        mode: 'webhook_slack',
        webhook_url: 'https://chat.example.com/rpc',
        webhook_mapping: mapping.pk,
        send_once: true,
      })
    ).body;
    const inbox = (await core.api('POST', '/api/v3/events/transports/', { name: 'rpc-inbox', mode: 'local' })).body;
    const group = (await core.api('POST', '/api/v3/core/groups/', { name: 'rpc-ops' })).body;
    const enabled = (
      await core.api('POST', '/api/v3/events/rules/', {
        name: 'rpc-enabled',
        severity: 'warning',
        group: group.pk,
        transports: [hook.pk, inbox.pk],
        policy_engine_mode: 'all',
      })
    ).body;
    await core.api('POST', '/api/v3/events/rules/', { name: 'rpc-disabled', transports: [inbox.pk] });

    const rules = (await client.listNotificationRules()).filter((r) => r.name.startsWith('rpc-'));
    expect(rules).toEqual([
      {
        pk: enabled.pk,
        name: 'rpc-enabled',
        severity: 'warning',
        group_pk: group.pk,
        policy_engine_mode: 'all',
        transports: [
          {
            pk: hook.pk,
            name: 'rpc-hook',
            mode: 'webhook_slack',
            webhook_url: 'https://chat.example.com/rpc',
            webhook_mapping_expression: expression,
            webhook_mapping_name: 'rpc body',
            send_once: true,
          },
          {
            pk: inbox.pk,
            name: 'rpc-inbox',
            mode: 'local',
            webhook_url: '',
            webhook_mapping_expression: '',
            webhook_mapping_name: '',
            send_once: false,
          },
        ],
      },
    ]);
    // The default rules (events-default blueprint) notify the admins' group too.
    expect((await client.listNotificationRules()).map((r) => r.name)).toContain('default-notify-exception');
  });

  it('answers one transport by UUID, NOT_FOUND for unknown and malformed ones', async () => {
    const transport = (await core.api('POST', '/api/v3/events/transports/', { name: 'rpc-mail', mode: 'email' })).body;
    expect(await client.getNotificationTransport(transport.pk)).toMatchObject({ pk: transport.pk, name: 'rpc-mail', mode: 'email' });
    expect(await statusOf(client.getNotificationTransport('00000000-0000-4000-8000-000000000000'))).toBe(GrpcStatus.NOT_FOUND);
    expect(await statusOf(client.getNotificationTransport('not-a-uuid'))).toBe(GrpcStatus.NOT_FOUND);
  });

  it('lists the active direct members of a group, NOT_FOUND for an unknown group', async () => {
    const alice = (await core.api('POST', '/api/v3/core/users/', { username: 'rpc-alice', name: 'Alice', email: 'alice@example.com' }))
      .body;
    const bob = (await core.api('POST', '/api/v3/core/users/', { username: 'rpc-bob', name: 'Bob', is_active: false })).body;
    const carol = (await core.api('POST', '/api/v3/core/users/', { username: 'rpc-carol' })).body;
    const parent = (await core.api('POST', '/api/v3/core/groups/', { name: 'rpc-parent', users: [alice.pk, bob.pk] })).body;
    await core.api('POST', '/api/v3/core/groups/', { name: 'rpc-child', parent: parent.pk, users: [carol.pk] });

    expect(await client.listGroupMembers(parent.pk)).toEqual([
      { pk: String(alice.pk), username: 'rpc-alice', name: 'Alice', email: 'alice@example.com' },
    ]);
    expect(await statusOf(client.listGroupMembers('00000000-0000-4000-8000-000000000000'))).toBe(GrpcStatus.NOT_FOUND);
    expect(await statusOf(client.listGroupMembers(''))).toBe(GrpcStatus.NOT_FOUND);
  });

  it('answers the transport test 503 when the events runtime does not offer NotificationService', async () => {
    // Without AUTHMESH_EVENTS_GRPC core asks its own process, whose gRPC server here hosts core's services only.
    const transport = (await core.api('POST', '/api/v3/events/transports/', { name: 'rpc-untested' })).body;
    const res = await core.api('POST', `/api/v3/events/transports/${transport.pk}/test/`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ messages: ['The events service could not run the test.'] });
  });

  it('refuses callers without the mesh key', async () => {
    const stranger = new NotificationConfigClient(core.grpcAddress, 'x'.repeat(64));
    try {
      expect(await statusOf(stranger.listNotificationRules())).toBe(GrpcStatus.UNAUTHENTICATED);
    } finally {
      stranger.close();
    }
  });
});
