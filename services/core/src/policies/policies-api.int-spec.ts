import { startCore, type CoreHarness } from '../../test/core.harness.js';

describe('policies and policy bindings', () => {
  let core: CoreHarness;
  let flowId: string;
  beforeAll(async () => {
    core = await startCore();
    const flow = await core.api('POST', '/api/v3/flows/instances/', {
      name: 'Gate',
      slug: 'gate',
      title: 'Gate',
      designation: 'authentication',
    });
    flowId = flow.body.pk;
  });
  afterAll(() => core.close());

  it('creates policies of each type with defaults and lists them together', async () => {
    const reputation = await core.api('POST', '/api/v3/policies/reputation/', { name: 'reputation' });
    expect(reputation.status).toBe(201);
    expect(reputation.body).toMatchObject({
      check_ip: true,
      check_username: true,
      threshold: -5,
      execution_logging: false,
      meta_model_name: 'authentik_policies_reputation.reputationpolicy',
      bound_to: 0,
    });
    const password = await core.api('POST', '/api/v3/policies/password/', { name: 'strong', length_min: 12 });
    expect(password.body).toMatchObject({ length_min: 12, check_zxcvbn: true, zxcvbn_score_threshold: 2 });
    const all = await core.api('GET', '/api/v3/policies/all/?page_size=100');
    const names = all.body.results.map((p: { name: string }) => p.name).filter((n: string) => !n.startsWith('default-'));
    expect(names).toEqual(['reputation', 'strong']); // built-in flows' policies aside
    expect((await core.api('GET', `/api/v3/policies/password/${reputation.body.pk}/`)).status).toBe(404);
  });

  it('answers 400 per field and checks rules across fields, changing nothing', async () => {
    const bad = await core.api('POST', '/api/v3/policies/reputation/', { name: '', threshold: 'low' });
    expect(Object.keys(bad.body).sort()).toEqual(['name', 'threshold']);
    const neither = await core.api('POST', '/api/v3/policies/reputation/', { name: 'nothing', check_ip: false, check_username: false });
    expect(neither.status).toBe(400);
    expect(neither.body.non_field_errors[0]).toMatch(/IP address/);
    const dummy = await core.api('POST', '/api/v3/policies/dummy/', { name: 'slow', wait_min: 10, wait_max: 1 });
    expect(dummy.body).toEqual({ wait_max: ['Must not be lower than the minimum wait.'] });
    expect((await core.api('GET', '/api/v3/policies/all/?search=nothing')).body.pagination.count).toBe(0);
    expect((await core.api('POST', '/api/v3/policies/reputation/', { name: 'reputation' })).body).toEqual({
      name: ['A policy with this name already exists.'],
    });
  });

  it('binds a policy, a group or a user to a flow and refuses two subjects or an unknown target', async () => {
    const policy = (await core.api('GET', '/api/v3/policies/all/?name=reputation')).body.results[0];
    const group = await core.api('POST', '/api/v3/core/groups/', { name: 'staff' });
    const bound = await core.api('POST', '/api/v3/policies/bindings/', { target: flowId, policy: policy.pk, order: 0 });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ target: flowId, policy: policy.pk, group: null, enabled: true, timeout: 30, failure_result: false });
    expect(bound.body.policy_obj).toMatchObject({ name: 'reputation', meta_model_name: 'authentik_policies_reputation.reputationpolicy' });
    const both = await core.api('POST', '/api/v3/policies/bindings/', {
      target: flowId,
      policy: policy.pk,
      group: group.body.pk,
      order: 1,
    });
    expect(both.status).toBe(400);
    expect(both.body.group).toEqual(['Set exactly one of policy, group or user.']);
    const none = await core.api('POST', '/api/v3/policies/bindings/', { target: flowId, order: 1 });
    expect(none.status).toBe(400);
    const unknown = await core.api('POST', '/api/v3/policies/bindings/', {
      target: '00000000-0000-4000-8000-000000000000',
      group: group.body.pk,
      order: 1,
    });
    expect(unknown.body).toEqual({ target: ['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.'] });
    const byGroup = await core.api('POST', '/api/v3/policies/bindings/', { target: flowId, group: group.body.pk, order: 1, negate: true });
    expect(byGroup.body.group_obj).toEqual({ pk: group.body.pk, name: 'staff' });
    // Switching the subject of a binding clears the other one.
    const switched = await core.api('PATCH', `/api/v3/policies/bindings/${byGroup.body.pk}/`, { group: null, user: 1 });
    expect(switched.body).toMatchObject({ group: null, user: 1, negate: true });
    const listed = await core.api('GET', `/api/v3/policies/bindings/?target=${flowId}`);
    expect(listed.body.results.map((b: { order: number }) => b.order)).toEqual([0, 1]);
    expect((await core.api('GET', `/api/v3/policies/all/${policy.pk}/`)).body.bound_to).toBe(1);
  });

  it('deletes bindings with their target or policy', async () => {
    const policy = await core.api('POST', '/api/v3/policies/dummy/', { name: 'temp', result: true });
    await core.api('POST', '/api/v3/policies/bindings/', { target: flowId, policy: policy.body.pk, order: 5 });
    await core.api('DELETE', `/api/v3/policies/dummy/${policy.body.pk}/`);
    expect((await core.api('GET', `/api/v3/policies/bindings/?target=${flowId}`)).body.pagination.count).toBe(2);
    await core.api('DELETE', `/api/v3/flows/instances/gate/`);
    expect((await core.api('GET', `/api/v3/policies/bindings/?target=${flowId}`)).body.pagination.count).toBe(0);
  });

  it('keeps stage secrets write-only and sealed at rest', async () => {
    const created = await core.api('POST', '/api/v3/stages/email/', { name: 'mail', host: 'smtp.example.com', password: 'hunter2-secret' });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('password');
    expect(created.body.host).toBe('smtp.example.com');
    const [row] = await core.sql(`SELECT config::text AS config FROM core.stages WHERE id = $1`, [created.body.pk]);
    expect(row.config).not.toContain('hunter2-secret');
    // A PATCH without the secret keeps it; both TLS modes at once are refused.
    const patched = await core.api('PATCH', `/api/v3/stages/email/${created.body.pk}/`, { port: 587 });
    expect(patched.body.port).toBe(587);
    const [after] = await core.sql(`SELECT config->'$sealed' AS sealed FROM core.stages WHERE id = $1`, [created.body.pk]);
    expect(Object.keys(after.sealed)).toEqual(['password']);
    const both = await core.api('PATCH', `/api/v3/stages/email/${created.body.pk}/`, { use_tls: true, use_ssl: true });
    expect(both.body).toEqual({ use_ssl: ['Use either TLS or SSL, not both.'] });
  });
});
