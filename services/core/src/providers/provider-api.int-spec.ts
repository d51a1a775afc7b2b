import { startCore, type CoreHarness } from '../../test/core.harness.js';

describe('providers of every type at /providers/all', () => {
  let core: CoreHarness;
  let flow: string;

  beforeAll(async () => {
    core = await startCore();
    const flows = await core.api('GET', '/api/v3/flows/instances/?slug=default-provider-authorization-implicit-consent');
    flow = flows.body.results[0].pk;
  });
  afterAll(() => core.close());

  it('names the application that loses its provider when the provider is deleted', async () => {
    const provider = await core.api('POST', '/api/v3/providers/oauth2/', { name: 'Used', authorization_flow: flow });
    const unused = await core.api('POST', '/api/v3/providers/oauth2/', { name: 'Unused', authorization_flow: flow });
    await core.api('POST', '/api/v3/core/applications/', { name: 'Wiki', slug: 'wiki', provider: provider.body.pk });
    const expected = [{ app: 'authentik_core', model_name: 'application', pk: expect.any(String), name: 'Wiki', action: 'set_null' }];
    expect((await core.api('GET', `/api/v3/providers/all/${provider.body.pk}/used_by/`)).body).toEqual(expected);
    expect((await core.api('GET', `/api/v3/providers/oauth2/${provider.body.pk}/used_by/`)).body).toEqual(expected);
    expect((await core.api('GET', `/api/v3/providers/all/${unused.body.pk}/used_by/`)).body).toEqual([]);
    expect((await core.api('GET', '/api/v3/providers/all/999999/used_by/')).status).toBe(404);

    expect((await core.api('DELETE', `/api/v3/providers/all/${provider.body.pk}/`)).status).toBe(204);
    expect((await core.api('GET', '/api/v3/core/applications/wiki/')).body).toMatchObject({ slug: 'wiki', provider: null });
  });
});
