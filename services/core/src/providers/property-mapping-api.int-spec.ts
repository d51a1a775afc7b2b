import { startCore, type CoreHarness } from '../../test/core.harness.js';

describe('every property mapping at /propertymappings/all', () => {
  let core: CoreHarness;
  let flow: string;

  beforeAll(async () => {
    core = await startCore();
    const flows = await core.api('GET', '/api/v3/flows/instances/?slug=default-provider-authorization-implicit-consent');
    flow = flows.body.results[0].pk;
  });
  afterAll(() => core.close());

  const scope = (name: string) =>
    core.api('POST', '/api/v3/propertymappings/scope/', {
      name,
      scope_name: name.toLowerCase().replace(/ /g, '-'),
      expression: 'return {};',
    });
  const webhook = (name: string) => core.api('POST', '/api/v3/propertymappings/notification/', { name, expression: 'return {};' });

  it('lists scope and webhook mappings together, each with its own type names', async () => {
    const s = await scope('Zeta scope');
    const w = await webhook('Zeta webhook');
    const res = await core.api('GET', '/api/v3/propertymappings/all/?search=Zeta');
    expect(res.status).toBe(200);
    expect(res.body.pagination.count).toBe(2);
    expect(res.body.results).toEqual([
      expect.objectContaining({
        pk: s.body.pk,
        name: 'Zeta scope',
        component: 'ak-property-mapping-scope-form',
        meta_model_name: 'authentik_providers_oauth2.scopemapping',
      }),
      expect.objectContaining({
        pk: w.body.pk,
        name: 'Zeta webhook',
        component: 'ak-property-mapping-notification-form',
        meta_model_name: 'authentik_events.notificationwebhookmapping',
      }),
    ]);
    const custom = await core.api('GET', '/api/v3/propertymappings/all/?managed__isnull=true&page_size=100');
    expect(custom.body.results.every((m: { managed: string | null }) => m.managed === null)).toBe(true);
    const built = await core.api('GET', '/api/v3/propertymappings/all/?managed__isnull=false&page_size=100');
    expect(built.body.results.map((m: { managed: string }) => m.managed)).toContain('goauthentik.io/providers/oauth2/scope-email');
  });

  it('retrieves one mapping and answers 404 for an unknown or malformed id', async () => {
    const w = await webhook('Lookup');
    expect((await core.api('GET', `/api/v3/propertymappings/all/${w.body.pk}/`)).body).toMatchObject({ name: 'Lookup', managed: null });
    expect((await core.api('GET', '/api/v3/propertymappings/all/00000000-0000-4000-8000-000000000000/')).status).toBe(404);
    expect((await core.api('GET', '/api/v3/propertymappings/all/not-a-uuid/')).status).toBe(404);
  });

  it('names the providers that use a mapping, and deleting it takes it out of their lists', async () => {
    const s = await scope('Groups claim');
    const provider = await core.api('POST', '/api/v3/providers/oauth2/', {
      name: 'Uses groups',
      authorization_flow: flow,
      property_mappings: [s.body.pk],
    });
    expect(provider.status).toBe(201);
    const used = await core.api('GET', `/api/v3/propertymappings/all/${s.body.pk}/used_by/`);
    expect(used.body).toEqual([
      {
        app: 'authentik_providers_oauth2',
        model_name: 'oauth2provider',
        pk: String(provider.body.pk),
        name: 'Uses groups',
        action: 'cascade_many',
      },
    ]);
    // The kind's own endpoint answers the same, and only for its own kind.
    expect((await core.api('GET', `/api/v3/propertymappings/scope/${s.body.pk}/used_by/`)).body).toEqual(used.body);
    expect((await core.api('GET', `/api/v3/propertymappings/notification/${s.body.pk}/used_by/`)).status).toBe(404);
    expect((await core.api('DELETE', `/api/v3/propertymappings/all/${s.body.pk}/`)).status).toBe(204);
    expect((await core.api('GET', `/api/v3/propertymappings/scope/${s.body.pk}/`)).status).toBe(404);
    const after = await core.api('GET', `/api/v3/providers/oauth2/${provider.body.pk}/`);
    expect(after.body.property_mappings).toEqual([]);
    expect(await core.sql(`SELECT 1 FROM core.scope_mappings WHERE property_mapping_id = $1`, [s.body.pk])).toHaveLength(0);
  });

  describe('test', () => {
    const userPk = async () => (await core.api('GET', '/api/v3/core/users/?username=akadmin')).body.results[0].pk as number;

    it('runs a scope mapping for a user and answers what it returned', async () => {
      const s = await core.api('POST', '/api/v3/propertymappings/scope/', {
        name: 'Who',
        scope_name: 'who',
        expression: 'return { who: request.user.username, scopes: request.context.scopes, extra: request.context.extra };',
      });
      const res = await core.api('POST', `/api/v3/propertymappings/all/${s.body.pk}/test/`, {
        user: await userPk(),
        context: { extra: 1 },
      });
      expect(res.status).toBe(200);
      expect(res.body.successful).toBe(true);
      expect(JSON.parse(res.body.result)).toEqual({ who: 'akadmin', scopes: [], extra: 1 });
    });

    it('runs a webhook mapping with the values its runtime hands in', async () => {
      const w = await webhook('Gateway body');
      await core.api('PATCH', `/api/v3/propertymappings/notification/${w.body.pk}/`, {
        expression: 'return { to: phone_number, text: body, user: user ? user.username : null };',
      });
      const res = await core.api('POST', `/api/v3/propertymappings/all/${w.body.pk}/test/`, {
        context: { phone_number: '+15550100', body: 'Your code is 123456' },
      });
      expect(JSON.parse(res.body.result)).toEqual({ to: '+15550100', text: 'Your code is 123456', user: null });
    });

    it('reports a failing expression as unsuccessful, and refuses an unknown user with a field error', async () => {
      const s = await core.api('POST', '/api/v3/propertymappings/scope/', {
        name: 'Broken',
        scope_name: 'broken',
        expression: 'throw new Error("no such attribute");',
      });
      const failed = await core.api('POST', `/api/v3/propertymappings/all/${s.body.pk}/test/`, {});
      expect(failed.status).toBe(200);
      expect(failed.body.successful).toBe(false);
      expect(failed.body.result).toContain('no such attribute');
      const unknown = await core.api('POST', `/api/v3/propertymappings/all/${s.body.pk}/test/`, { user: 999999 });
      expect(unknown).toEqual({ status: 400, body: { user: ['No such user.'] } });
      const malformed = await core.api('POST', `/api/v3/propertymappings/all/${s.body.pk}/test/`, { context: 'x' });
      expect(malformed.status).toBe(400);
      expect(Object.keys(malformed.body)).toEqual(['context']);
    });
  });

  it('is for superusers only', async () => {
    const res = await core.api('GET', '/api/v3/propertymappings/all/', undefined, 'not-a-token');
    expect([401, 403]).toContain(res.status);
    const mapping = (await core.api('GET', '/api/v3/propertymappings/all/?page_size=1')).body.results[0];
    const test = await core.api('POST', `/api/v3/propertymappings/all/${mapping.pk}/test/`, {}, 'not-a-token');
    expect([401, 403]).toContain(test.status);
  });
});
