import { pbkdf2Sync } from 'node:crypto';
import { Subjects, type BusMessage } from '@authmesh/bus';
import { GrpcStatus, IdentityClient } from '@authmesh/rpc';
import { waitUntil } from '@authmesh/testing';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

function djangoHash(password: string, salt: string, iterations = 1000): string {
  return `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64')}`;
}

describe('IdentityService over gRPC', () => {
  let core: CoreHarness;
  let client: IdentityClient;
  const events: BusMessage[] = [];

  beforeAll(async () => {
    core = await startCore();
    client = new IdentityClient(core.grpcAddress, core.meshKey);
    await core.bus.consumeDurable('rpc-test', Subjects.eventCreated, (m) => void events.push(m));
  });
  afterAll(async () => {
    client.close();
    await core.close();
  });

  it('looks users up by primary key and by username regardless of case, with groups resolved through parents', async () => {
    const parent = await core.api('POST', '/api/v3/core/groups/', { name: 'rpc-parent', is_superuser: true });
    const child = await core.api('POST', '/api/v3/core/groups/', { name: 'rpc-child', parent: parent.body.pk });
    const user = await core.api('POST', '/api/v3/core/users/', {
      username: 'RpcUser',
      groups: [child.body.pk],
      attributes: { team: 'ops' },
    });
    const byName = await client.getUser({ username: 'rpcuser' });
    expect(byName).toMatchObject({ pk: String(user.body.pk), username: 'RpcUser', is_superuser: true });
    expect(JSON.parse(byName.attributes_json)).toEqual({ team: 'ops' });
    expect(byName.groups.map((g) => g.name).sort()).toEqual(['rpc-child', 'rpc-parent']);
    expect((await client.getUser({ pk: String(user.body.pk) })).username).toBe('RpcUser');
    const groups = await client.listGroups({ user_pk: String(user.body.pk) });
    expect(groups.groups.map((g) => g.name).sort()).toEqual(['rpc-child', 'rpc-parent']);
    await expect(client.getUser({ username: 'nobody' })).rejects.toMatchObject({ status: GrpcStatus.NOT_FOUND });
  });

  it('verifies a Django pbkdf2 password imported from the reference product and upgrades it to argon2id', async () => {
    const user = await core.api('POST', '/api/v3/core/users/', { username: 'imported' });
    await core.sql('UPDATE core.users SET password = $1 WHERE id = $2', [djangoHash('legacy-pass', 'somesalt'), user.body.pk]);
    const ok = await client.verifyPassword({ username: 'imported', password: 'legacy-pass', client_ip: '192.0.2.1' });
    expect(ok.valid).toBe(true);
    expect(ok.user?.username).toBe('imported');
    const [row] = await core.sql('SELECT password FROM core.users WHERE id = $1', [user.body.pk]);
    expect(row.password.startsWith('$argon2id$')).toBe(true);
    expect((await client.verifyPassword({ username: 'imported', password: 'legacy-pass', client_ip: '' })).valid).toBe(true);
  });

  it('answers unknown users, wrong passwords and inactive users alike, and records login_failed', async () => {
    const user = await core.api('POST', '/api/v3/core/users/', { username: 'frozen' });
    await core.api('POST', `/api/v3/core/users/${user.body.pk}/set_password/`, { password: 'right-pass' });
    await core.api('PATCH', `/api/v3/core/users/${user.body.pk}/`, { is_active: false });
    const answers = await Promise.all([
      client.verifyPassword({ username: 'ghost', password: 'x', client_ip: '192.0.2.9' }),
      client.verifyPassword({ username: 'frozen', password: 'right-pass', client_ip: '192.0.2.9' }),
      client.verifyPassword({ username: 'imported', password: 'wrong', client_ip: '192.0.2.9' }),
    ]);
    for (const answer of answers) expect(answer).toEqual({ valid: false, user: null });
    await waitUntil(
      () => events.filter((e) => (e.data as any).action === 'login_failed' && (e.data as any).client_ip === '192.0.2.9').length === 3,
    );
    expect(JSON.stringify(events)).not.toContain('right-pass');
  });

  it('checks tokens for their intent', async () => {
    const me = await core.api('GET', '/api/v3/core/users/me/');
    await core.api('POST', '/api/v3/core/tokens/', {
      identifier: 'rpc-app-password',
      intent: 'app_password',
      user: me.body.user.pk,
      expiring: false,
    });
    const { key } = (await core.api('GET', '/api/v3/core/tokens/rpc-app-password/view_key/')).body;
    expect(await client.checkToken({ key, intent: 'app_password' })).toMatchObject({
      valid: true,
      token_identifier: 'rpc-app-password',
      user: { username: 'akadmin' },
    });
    expect((await client.checkToken({ key, intent: 'api' })).valid).toBe(false);
    await expect(client.checkToken({ key, intent: 'bogus' })).rejects.toMatchObject({ status: GrpcStatus.INVALID_ARGUMENT });
  });

  it('refuses callers without the mesh key', async () => {
    const stranger = new IdentityClient(core.grpcAddress, 'not-the-mesh-key');
    await expect(stranger.getUser({ username: 'akadmin' })).rejects.toMatchObject({ status: GrpcStatus.UNAUTHENTICATED });
    stranger.close();
  });
});
