import { startCore, type CoreHarness } from '../../../test/core.harness.js';

describe('used_by: what deleting an object does to the objects that refer to it', () => {
  let core: CoreHarness;
  const ids: Record<string, any> = {};

  const get = async (path: string, token?: string | null) => core.api('GET', `/api/v3/${path}/used_by/`, undefined, token);
  const created = async (path: string, body: unknown) => {
    const res = await core.api('POST', `/api/v3/${path}/`, body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    core = await startCore();
    ids.flow = (
      await created('flows/instances', { name: 'Used flow', slug: 'used-flow', title: 'Used', designation: 'authentication' })
    ).pk;
    ids.cert = (
      await created('crypto/certificatekeypairs/generate', { common_name: 'used-cert', subject_alt_name: '', validity_days: 30 })
    ).pk;
    ids.mapping = (await created('propertymappings/scope', { name: 'used-scope', scope_name: 'used', expression: 'return {}' })).pk;
    ids.provider = (
      await created('providers/oauth2', {
        name: 'Used provider',
        authorization_flow: ids.flow,
        signing_key: ids.cert,
        property_mappings: [ids.mapping],
      })
    ).pk;
    ids.app = (await created('core/applications', { name: 'Used app', slug: 'used-app', provider: ids.provider })).pk;
    ids.stage = (await created('stages/deny', { name: 'used-deny' })).pk;
    ids.binding = (await created('flows/bindings', { target: ids.flow, stage: ids.stage, order: 10 })).pk;
    ids.identification = (await created('stages/identification', { name: 'used-identification', enrollment_flow: ids.flow })).pk;
    ids.brand = (await created('core/brands', { domain: 'used.example', flow_authentication: ids.flow })).brand_uuid;
    ids.invitation = (await created('stages/invitation/invitations', { name: 'used-invite', flow: ids.flow })).pk;
    ids.alice = (await created('core/users', { username: 'used-alice' })).pk;
    ids.bob = (await created('core/users', { username: 'used-bob' })).pk;
    ids.group = (await created('core/groups', { name: 'used-group', users: [ids.alice, ids.bob] })).pk;
    await created('core/tokens', { identifier: 'used-alice-api', user: ids.alice, expiring: false });
    ids.aliceKey = (await core.api('GET', '/api/v3/core/tokens/used-alice-api/view_key/')).body.key;
  });
  afterAll(() => core.close());

  it('lists the application of a provider as set_null, and its scope mappings as links that go', async () => {
    for (const path of [`providers/all/${ids.provider}`, `providers/oauth2/${ids.provider}`]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { app: 'authentik_core', model_name: 'application', pk: ids.app, name: 'Used app', action: 'set_null' },
        { app: 'authentik_providers_oauth2', model_name: 'scopemapping', pk: ids.mapping, name: 'used-scope', action: 'cascade_many' },
      ]);
    }
    const mapping = await get(`propertymappings/scope/${ids.mapping}`);
    expect(mapping.body).toEqual([
      {
        app: 'authentik_providers_oauth2',
        model_name: 'oauth2provider',
        pk: String(ids.provider),
        name: 'Used provider',
        action: 'cascade_many',
      },
    ]);
  });

  it('lists what names a flow: stage bindings and invitations go with it, brands, providers and stage settings are reset', async () => {
    const res = await get(`flows/instances/used-flow`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { app: 'authentik_brands', model_name: 'brand', pk: ids.brand, name: 'used.example', action: 'set_null' },
        { app: 'authentik_flows', model_name: 'flowstagebinding', pk: ids.binding, name: 'Stage binding #10', action: 'cascade' },
        {
          app: 'authentik_providers_oauth2',
          model_name: 'oauth2provider',
          pk: String(ids.provider),
          name: 'Used provider',
          action: 'set_null',
        },
        { app: 'authentik_stages_invitation', model_name: 'invitation', pk: ids.invitation, name: 'used-invite', action: 'cascade' },
        {
          app: 'authentik_stages_identification',
          model_name: 'identificationstage',
          pk: ids.identification,
          name: 'used-identification',
          action: 'set_null',
        },
      ]),
    );
    expect(res.body).toHaveLength(5);
    const stage = await get(`stages/deny/${ids.stage}`);
    expect(stage.body).toEqual([
      { app: 'authentik_flows', model_name: 'flowstagebinding', pk: ids.binding, name: 'Stage binding #10', action: 'cascade' },
    ]);
    expect((await get(`stages/all/${ids.stage}`)).body).toEqual(stage.body);
  });

  it('lists a certificate used by a provider through its OAuth2 settings as the provider, set_null', async () => {
    const res = await get(`crypto/certificatekeypairs/${ids.cert}`);
    expect(res.body).toEqual([
      {
        app: 'authentik_providers_oauth2',
        model_name: 'oauth2provider',
        pk: String(ids.provider),
        name: 'Used provider',
        action: 'set_null',
      },
    ]);
  });

  it('lists group members as cascade_many both ways, and a user’s tokens as cascade', async () => {
    const group = await get(`core/groups/${ids.group}`);
    expect(group.body).toEqual([
      { app: 'authentik_core', model_name: 'user', pk: String(ids.alice), name: 'used-alice', action: 'cascade_many' },
      { app: 'authentik_core', model_name: 'user', pk: String(ids.bob), name: 'used-bob', action: 'cascade_many' },
    ]);
    const alice = await get(`core/users/${ids.alice}`);
    expect(alice.body).toEqual([
      { app: 'authentik_core', model_name: 'group', pk: ids.group, name: 'used-group', action: 'cascade_many' },
      { app: 'authentik_core', model_name: 'token', pk: expect.any(String), name: 'used-alice-api', action: 'cascade' },
    ]);
  });

  it('lists a child group as restrict: its parent cannot be deleted while it exists', async () => {
    const child = await created('core/groups', { name: 'used-child', parent: ids.group });
    const res = await get(`core/groups/${ids.group}`);
    expect(res.body).toContainEqual({ app: 'authentik_core', model_name: 'group', pk: child.pk, name: 'used-child', action: 'restrict' });
    expect((await core.api('DELETE', `/api/v3/core/groups/${ids.group}/`)).status).toBe(400);
    expect((await core.api('DELETE', `/api/v3/core/groups/${child.pk}/`)).status).toBe(204);
  });

  it('lists prompt stages showing a prompt as losing an entry (cascade_many)', async () => {
    const prompt = await created('stages/prompt/prompts', { name: 'used-prompt', field_key: 'nickname', label: 'Nickname', type: 'text' });
    const stage = await created('stages/prompt/stages', { name: 'used-prompt-stage', fields: [prompt.pk] });
    expect((await get(`stages/prompt/prompts/${prompt.pk}`)).body).toEqual([
      { app: 'authentik_stages_prompt', model_name: 'promptstage', pk: stage.pk, name: 'used-prompt-stage', action: 'cascade_many' },
    ]);
  });

  it('reads at most 100 rows per relation', async () => {
    const group = await created('core/groups', { name: 'used-crowd' });
    await core.sql(
      `WITH made AS (INSERT INTO core.users (username) SELECT 'crowd-' || n FROM generate_series(1, 130) n RETURNING id)
       INSERT INTO core.group_members (group_id, user_id) SELECT $1, id FROM made`,
      [group.pk],
    );
    const res = await get(`core/groups/${group.pk}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(100);
  });

  it('answers an empty list for an object nothing refers to', async () => {
    expect(await get(`stages/invitation/invitations/${ids.invitation}`)).toEqual({ status: 200, body: [] });
    const [session] = await core.sql(
      `INSERT INTO core.sessions (key_digest, user_id, expires) VALUES ('digest', $1, now() + interval '1 hour') RETURNING id`,
      [ids.alice],
    );
    ids.session = session.id;
    expect(await get(`core/authenticated_sessions/${session.id}`)).toEqual({ status: 200, body: [] });
    expect(await get(`core/authenticated_sessions/${session.id}`, ids.aliceKey)).toEqual({ status: 200, body: [] });
    const [device] = await core.sql(
      `INSERT INTO core.authenticator_devices (user_id, type, name) VALUES ($1, 'totp', 'phone') RETURNING id`,
      [ids.alice],
    );
    ids.device = device.id;
    expect(await get(`authenticators/totp/${device.id}`, ids.aliceKey)).toEqual({ status: 200, body: [] });
    expect(await get(`authenticators/admin/totp/${device.id}`)).toEqual({ status: 200, body: [] });
    expect((await get(`authenticators/admin/totp/${device.id}`, ids.aliceKey)).status).toBe(403);
  });

  it('answers 404 for unknown objects, as retrieve does', async () => {
    expect((await get('providers/all/999999')).status).toBe(404);
    expect((await get('flows/instances/no-such-flow')).status).toBe(404);
    expect((await get('core/groups/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const retrieve = await core.api('GET', '/api/v3/core/groups/not-a-uuid/');
    expect((await get('core/groups/not-a-uuid')).status).toBe(retrieve.status);
  });

  it('refuses callers without the permission to read the object, and shows others only what is theirs', async () => {
    expect((await get(`core/groups/${ids.group}`, ids.aliceKey)).status).toBe(403);
    expect((await get(`flows/instances/used-flow`, ids.aliceKey)).status).toBe(403);
    expect((await get(`core/groups/${ids.group}`, null)).status).toBe(401);
    expect((await get(`core/users/${ids.bob}`, ids.aliceKey)).status).toBe(404);
    // Alice may read herself: she sees her own token, session and device, not the group that links her.
    const self = await get(`core/users/${ids.alice}`, ids.aliceKey);
    expect(self.status).toBe(200);
    expect(self.body).toEqual([
      { app: 'authentik_core', model_name: 'authenticatedsession', pk: ids.session, name: ids.session, action: 'cascade' },
      { app: 'authentik_core', model_name: 'token', pk: expect.any(String), name: 'used-alice-api', action: 'cascade' },
      { app: 'authentik_stages_authenticator_totp', model_name: 'totpdevice', pk: ids.device, name: 'phone', action: 'cascade' },
    ]);
    const admin = await get(`core/users/${ids.alice}`);
    expect(admin.body).toContainEqual({
      app: 'authentik_core',
      model_name: 'group',
      pk: ids.group,
      name: 'used-group',
      action: 'cascade_many',
    });
  });

  it('tells the truth about what a delete then does', async () => {
    expect((await core.api('DELETE', `/api/v3/flows/instances/used-flow/`)).status).toBe(204);
    const [brand] = await core.sql('SELECT flow_authentication FROM core.brands WHERE id = $1', [ids.brand]);
    expect(brand.flow_authentication).toBeNull();
    expect(await core.sql('SELECT id FROM core.flow_stage_bindings WHERE id = $1', [ids.binding])).toEqual([]);
    expect(await core.sql('SELECT id FROM core.invitations WHERE id = $1', [ids.invitation])).toEqual([]);
  });
});
