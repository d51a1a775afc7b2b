import { BOOTSTRAP_TOKEN, startCore, type CoreHarness } from '../../test/core.harness.js';

describe('stages and flow-stage bindings', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  it('creates stages of a type with their own settings and defaults', async () => {
    const deny = await core.api('POST', '/api/v3/stages/deny/', { name: 'deny-all', deny_message: 'Not today.' });
    expect(deny.status).toBe(201);
    expect(deny.body).toMatchObject({
      name: 'deny-all',
      deny_message: 'Not today.',
      component: 'ak-stage-deny',
      meta_model_name: 'authentik_stages_deny.denystage',
    });
    const login = await core.api('POST', '/api/v3/stages/user_login/', { name: 'login' });
    expect(login.body).toMatchObject({ session_duration: 'seconds=0', terminate_other_sessions: false });
    const all = await core.api('GET', '/api/v3/stages/all/?page_size=100');
    const names = all.body.results.map((s: { name: string }) => s.name).filter((n: string) => !/^(stage-)?default-/.test(n)); // built-in flows' stages aside
    expect(names).toEqual(['deny-all', 'login']);
    expect((await core.api('GET', `/api/v3/stages/deny/${login.body.pk}/`)).status).toBe(404);
  });

  it('validates settings by type and changes only what a PATCH names', async () => {
    const bad = await core.api('POST', '/api/v3/stages/user_login/', {
      name: 'x',
      session_duration: 'forever',
      terminate_other_sessions: 'yes',
    });
    expect(Object.keys(bad.body).sort()).toEqual(['session_duration', 'terminate_other_sessions']);
    const login = (await core.api('GET', '/api/v3/stages/user_login/?name=login')).body.results[0];
    await core.api('PATCH', `/api/v3/stages/user_login/${login.pk}/`, { session_duration: 'hours=8' });
    const patched = await core.api('PATCH', `/api/v3/stages/user_login/${login.pk}/`, { terminate_other_sessions: true });
    expect(patched.body).toMatchObject({ session_duration: 'hours=8', terminate_other_sessions: true });
    expect((await core.api('POST', '/api/v3/stages/deny/', { name: 'deny-all' })).body).toEqual({
      name: ['A stage with this name already exists.'],
    });
  });

  it('binds stages to flows in order and refuses unknown flows or stages', async () => {
    const flow = await core.api('POST', '/api/v3/flows/instances/', {
      name: 'Logout',
      slug: 'logout',
      title: 'Bye',
      designation: 'invalidation',
    });
    const stage = await core.api('POST', '/api/v3/stages/user_logout/', { name: 'logout' });
    const binding = await core.api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 });
    expect(binding.status).toBe(201);
    expect(binding.body).toMatchObject({
      order: 0,
      re_evaluate_policies: true,
      evaluate_on_plan: false,
      invalid_response_action: 'retry',
      stage_obj: { name: 'logout' },
    });
    expect((await core.api('GET', `/api/v3/flows/bindings/?target=${flow.body.pk}`)).body.pagination.count).toBe(1);
    const unknown = await core.api('POST', '/api/v3/flows/bindings/', {
      target: '00000000-0000-4000-8000-000000000000',
      stage: stage.body.pk,
      order: 1,
    });
    expect(unknown.body.target).toBeDefined();
    expect(
      (await core.api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 0 })).body.order,
    ).toBeDefined();
    expect((await core.api('GET', `/api/v3/stages/all/${stage.body.pk}/`)).body.flow_set).toEqual([flow.body.pk]);
    expect((await core.api('DELETE', '/api/v3/flows/instances/logout/')).status).toBe(204);
    expect((await core.api('GET', `/api/v3/flows/bindings/${binding.body.pk}/`)).status).toBe(404);
  });
});

describe('flow export and import', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  /** Imports a flow blueprint; the answer says whether it applied and what the importer logged. */
  const upload = async (content: string) => {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/x-yaml' }), 'flow.yaml');
    const res = await fetch(`${core.baseUrl}/api/v3/flows/instances/import/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as { success: boolean; logs: { event: string }[] } };
  };

  it('exports a flow with its stages and bindings, and imports it back after it was deleted', async () => {
    const flow = await core.api('POST', '/api/v3/flows/instances/', {
      name: 'Bye',
      slug: 'bye',
      title: 'Bye',
      designation: 'invalidation',
    });
    const stage = await core.api('POST', '/api/v3/stages/user_logout/', { name: 'bye-logout' });
    await core.api('POST', '/api/v3/flows/bindings/', { target: flow.body.pk, stage: stage.body.pk, order: 10 });
    const exported = await fetch(`${core.baseUrl}/api/v3/flows/instances/bye/export/`, {
      headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
    });
    expect(exported.headers.get('content-disposition')).toContain('bye.yaml');
    const yaml = await exported.text();
    expect(yaml).toContain('stage: !KeyOf stage-');
    await core.api('DELETE', '/api/v3/flows/instances/bye/');
    await core.api('DELETE', `/api/v3/stages/all/${stage.body.pk}/`);

    const imported = await upload(yaml);
    expect(imported).toMatchObject({ status: 200, body: { success: true } });
    const again = (await core.api('GET', '/api/v3/flows/instances/bye/')).body;
    const bindings = (await core.api('GET', `/api/v3/flows/bindings/?target=${again.pk}`)).body.results;
    expect(bindings.map((b: { order: number; stage_obj: { name: string } }) => [b.order, b.stage_obj.name])).toEqual([[10, 'bye-logout']]);
  });

  it('reports a failed import with the located error and changes nothing', async () => {
    const result = await upload(
      'version: 1\nmetadata: {name: bad}\nentries:\n  - {model: authentik_flows.flow, identifiers: {slug: half}, attrs: {name: H, title: H, designation: nope}}\n',
    );
    expect(result.status).toBe(400);
    expect(result.body.success).toBe(false);
    expect(result.body.logs[0].event).toContain('entries[0] (authentik_flows.flow): designation');
    expect((await core.api('GET', '/api/v3/flows/instances/half/')).status).toBe(404);
  });
});
