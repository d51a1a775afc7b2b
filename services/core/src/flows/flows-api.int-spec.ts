import { startCore, type CoreHarness } from '../../test/core.harness.js';

describe('/api/v3/flows/instances/', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  const flow = { name: 'Login', slug: 'login', title: 'Welcome', designation: 'authentication', authentication: 'require_unauthenticated' };

  it('creates a flow with the reference defaults and reads it by slug', async () => {
    const res = await core.api('POST', '/api/v3/flows/instances/', flow);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...flow,
      layout: 'stacked',
      denied_action: 'message_continue',
      policy_engine_mode: 'any',
      compatibility_mode: false,
    });
    expect((await core.api('GET', '/api/v3/flows/instances/login/')).body.pk).toBe(res.body.pk);
    const authentication = await core.api('GET', '/api/v3/flows/instances/?designation=authentication&page_size=100');
    expect(authentication.body.results.map((f: { slug: string }) => f.slug)).toContain('login');
  });

  it('refuses unknown choices and duplicate slugs', async () => {
    const bad = await core.api('POST', '/api/v3/flows/instances/', { ...flow, slug: 'other', designation: 'teleport', layout: 'diagonal' });
    expect(Object.keys(bad.body).sort()).toEqual(['designation', 'layout']);
    expect((await core.api('POST', '/api/v3/flows/instances/', flow)).body).toEqual({ slug: ['A flow with this slug already exists.'] });
  });

  it('lets a brand name only existing flows, and clears the reference when the flow goes', async () => {
    const login = (await core.api('GET', '/api/v3/flows/instances/login/')).body;
    const missing = await core.api('POST', '/api/v3/core/brands/', {
      domain: 'x.test',
      flow_authentication: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.flow_authentication).toBeDefined();
    const brand = await core.api('POST', '/api/v3/core/brands/', { domain: 'flows.test', flow_authentication: login.pk });
    expect(brand.body.flow_authentication).toBe(login.pk);
    expect((await core.api('DELETE', '/api/v3/flows/instances/login/')).status).toBe(204);
    expect((await core.api('GET', `/api/v3/core/brands/${brand.body.brand_uuid}/`)).body.flow_authentication).toBeNull();
  });
});
