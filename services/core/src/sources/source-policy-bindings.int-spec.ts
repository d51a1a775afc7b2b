import { startCore, type CoreHarness } from '../../test/core.harness.js';

describe('policy bindings on sources', () => {
  let core: CoreHarness;

  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(async () => {
    await core.close();
  });

  it('binds a group to a source, lists it by target and in used_by, and deletes it with the source', async () => {
    const source = await core.api('POST', '/api/v3/sources/oauth/', {
      name: 'Bound',
      slug: 'bound',
      provider_type: 'github',
      consumer_key: 'key',
      consumer_secret: 'secret',
    });
    expect(source.status).toBe(201);
    const group = await core.api('POST', '/api/v3/core/groups/', { name: 'source-users' });
    expect(group.status).toBe(201);

    const bound = await core.api('POST', '/api/v3/policies/bindings/', { target: source.body.pk, group: group.body.pk, order: 0 });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ target: source.body.pk, group: group.body.pk, policy: null });
    const listed = await core.api('GET', `/api/v3/policies/bindings/?target=${source.body.pk}`);
    expect(listed.body.results.map((b: { pk: string }) => b.pk)).toEqual([bound.body.pk]);

    const usedBy = await core.api('GET', '/api/v3/sources/all/bound/used_by/');
    expect(usedBy.body).toContainEqual(expect.objectContaining({ model_name: 'policybinding', pk: bound.body.pk, action: 'cascade' }));

    expect((await core.api('DELETE', '/api/v3/sources/all/bound/')).status).toBe(204);
    expect((await core.api('GET', `/api/v3/policies/bindings/${bound.body.pk}/`)).status).toBe(404);
    expect((await core.api('GET', `/api/v3/core/groups/${group.body.pk}/`)).status).toBe(200);
  });
});
