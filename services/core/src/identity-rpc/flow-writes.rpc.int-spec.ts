import { FlowConfigClient, IdentityClient } from '@authmesh/rpc';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

/** What the flow executor asks core to change: sessions, users, consents, invitations. */
describe('IdentityService and FlowConfigService writes for flows', () => {
  let core: CoreHarness;
  let identity: IdentityClient;
  let config: FlowConfigClient;

  beforeAll(async () => {
    core = await startCore();
    identity = new IdentityClient(core.grpcAddress, core.meshKey);
    config = new FlowConfigClient(core.grpcAddress, core.meshKey);
  });
  afterAll(async () => {
    identity.close();
    config.close();
    await core.close();
  });

  it('creates a user with a password and merges attributes on update; refused input changes nothing', async () => {
    const created = await identity.writeUser({
      fields_json: JSON.stringify({ username: 'frank', email: 'frank@example.com', attributes: { a: 1 } }),
      password: 'Frank-pw-1',
    });
    expect(created.user).toMatchObject({ username: 'frank', has_password: true });
    const updated = await identity.writeUser({ user_pk: created.user?.pk, fields_json: JSON.stringify({ attributes: { b: 2 } }) });
    expect(JSON.parse(updated.user?.attributes_json ?? '{}')).toEqual({ a: 1, b: 2 });
    const taken = await identity.writeUser({ fields_json: JSON.stringify({ username: 'FRANK' }) });
    expect(taken.user).toBeFalsy();
    expect(JSON.parse(taken.errors_json)).toHaveProperty('username');
    const badEmail = await identity.writeUser({ user_pk: created.user?.pk, fields_json: JSON.stringify({ email: 'nope' }) });
    expect(JSON.parse(badEmail.errors_json)).toHaveProperty('email');
    expect((await identity.getUser({ pk: created.user?.pk })).email).toBe('frank@example.com');
    expect((await identity.verifyPassword({ username: 'frank', password: 'Frank-pw-1' })).valid).toBe(true);
  });

  it('starts, checks and ends sessions; a deactivated user’s session stops working', async () => {
    const user = (await identity.getUser({ username: 'frank' })).pk;
    const session = await identity.createSession({ user_pk: user, client_ip: '192.0.2.1', user_agent: 'test' });
    expect((await identity.checkSession({ session_key: session.session_key })).user?.username).toBe('frank');
    const cookie = { cookie: `authmesh_session=${session.session_key}` };
    expect((await core.api('GET', '/api/v3/core/users/me/', undefined, null, cookie)).body.user.username).toBe('frank');
    await core.api('PATCH', `/api/v3/core/users/${user}/`, { is_active: false });
    expect((await identity.checkSession({ session_key: session.session_key })).valid).toBe(false);
    expect((await core.api('GET', '/api/v3/core/users/me/', undefined, null, cookie)).status).toBe(401);
    await core.api('PATCH', `/api/v3/core/users/${user}/`, { is_active: true });
    await identity.endSession(session.session_key);
    expect((await identity.checkSession({ session_key: session.session_key })).valid).toBe(false);
  });

  it('records consents, answers whether they cover a request, and lets users revoke them', async () => {
    const user = (await identity.getUser({ username: 'frank' })).pk;
    await core.api('POST', '/api/v3/core/applications/', { name: 'Grafana', slug: 'grafana' });
    expect(await identity.checkConsent({ user_pk: user, application_slug: 'grafana', permissions: ['openid'] })).toBe(false);
    await identity.grantConsent({ user_pk: user, application_slug: 'grafana', permissions: ['openid', 'email'] });
    expect(await identity.checkConsent({ user_pk: user, application_slug: 'grafana', permissions: ['openid'] })).toBe(true);
    expect(await identity.checkConsent({ user_pk: user, application_slug: 'grafana', permissions: ['openid', 'profile'] })).toBe(false);
    const listed = await core.api('GET', '/api/v3/core/user_consent/');
    expect(listed.body.results[0]).toMatchObject({ application: { slug: 'grafana' }, permissions: 'openid email', expiring: false });
    await core.api('DELETE', `/api/v3/core/user_consent/${listed.body.results[0].pk}/`);
    expect(await identity.checkConsent({ user_pk: user, application_slug: 'grafana', permissions: ['openid'] })).toBe(false);
  });

  it('uses an invitation only in its flow, before expiry, and a single-use one only once', async () => {
    const flow = await core.api('POST', '/api/v3/flows/instances/', {
      name: 'Join',
      slug: 'join',
      title: 'Join',
      designation: 'enrollment',
    });
    const other = await core.api('POST', '/api/v3/flows/instances/', {
      name: 'Other',
      slug: 'other',
      title: 'x',
      designation: 'enrollment',
    });
    const invite = await core.api('POST', '/api/v3/stages/invitation/invitations/', {
      name: 'once',
      single_use: true,
      flow: flow.body.pk,
      fixed_data: { email: 'x@example.com' },
    });
    expect((await config.useInvitation(invite.body.pk, other.body.pk)).valid).toBe(false);
    const used = await config.useInvitation(invite.body.pk, flow.body.pk);
    expect(used).toMatchObject({ valid: true, invitation_pk: invite.body.pk });
    expect(JSON.parse(used.fixed_data_json)).toEqual({ email: 'x@example.com' });
    expect((await config.useInvitation(invite.body.pk, flow.body.pk)).valid).toBe(false);
    const bad = await core.api('POST', '/api/v3/stages/invitation/invitations/', { name: 'Not a slug!', expires: 'tomorrow' });
    expect(Object.keys(bad.body).sort()).toEqual(['expires', 'name']);
  });
});
