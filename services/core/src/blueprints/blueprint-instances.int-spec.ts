import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

/** The built-in blueprints core instantiates at start (system ones are hidden). */
const BUILT_IN_DEFAULTS = [
  'default/default-brand.yaml',
  'default/events-default.yaml',
  'default/flow-default-authentication-flow.yaml',
  'default/flow-default-invalidation-flow.yaml',
  'default/flow-default-provider-authorization-explicit-consent.yaml',
  'default/flow-default-provider-authorization-implicit-consent.yaml',
  'default/flow-default-source-authentication.yaml',
  'default/flow-default-source-enrollment.yaml',
  'default/flow-default-user-settings-flow.yaml',
  'default/flow-oobe.yaml',
  'default/flow-password-change.yaml',
];

describe('/api/v3/managed/blueprints/', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  it('discovers the built-in blueprints at start, applies them, and hides system ones', async () => {
    const visible = await core.api('GET', '/api/v3/managed/blueprints/');
    expect(visible.body.results.map((i: { path: string }) => i.path).sort()).toEqual(BUILT_IN_DEFAULTS);
    const brand = visible.body.results.find((i: { path: string }) => i.path === 'default/default-brand.yaml');
    expect(brand).toMatchObject({ status: 'successful', enabled: true });
    // The brand blueprint applies the user-settings flow's first (meta-apply), so it manages those objects too.
    expect(brand.managed_models.filter((m: string) => m.startsWith('authmesh_brands.brand:'))).toHaveLength(1);
    // As in the reference product, the notification defaults (transports, rules for the admins) apply at first start.
    const events = visible.body.results.find((i: { path: string }) => i.path === 'default/events-default.yaml');
    expect(events).toMatchObject({ status: 'successful', enabled: true });
    expect(events.managed_models.filter((m: string) => m.startsWith('authmesh_events.notificationrule:'))).toHaveLength(3);
    const available = await core.api('GET', '/api/v3/managed/blueprints/available/');
    expect(available.body.map((a: { path: string }) => a.path).sort()).toEqual([
      ...BUILT_IN_DEFAULTS,
      'example/flows-passwordless.yaml',
      'example/flows-recovery-email-verification.yaml',
      'system/bootstrap.yaml',
      'system/providers-oauth2.yaml',
    ]);
    // Labelled instantiate: "false", the bootstrap blueprint is applied by bootstrap only.
    const all = await core.api('GET', '/api/v3/managed/blueprints/?show_system=true');
    expect(all.body.results.map((i: { path: string }) => i.path)).not.toContain('system/bootstrap.yaml');
    expect(all.body.results.map((i: { path: string }) => i.path)).toContain('system/providers-oauth2.yaml');
  });

  it('applies an inline blueprint on demand and records the outcome', async () => {
    const content =
      'version: 1\nmetadata: {name: inline}\ncontext: {n: ops}\nentries:\n  - {model: authentik_core.group, identifiers: {name: !Context n}}\n';
    const created = await core.api('POST', '/api/v3/managed/blueprints/', { name: 'inline groups', content, context: { n: 'inline-ops' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'unknown', metadata: { name: 'inline' } });
    const applied = await core.api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`);
    expect(applied.body).toMatchObject({ status: 'successful', last_error: '' });
    expect((await core.api('GET', '/api/v3/core/groups/?name=inline-ops')).body.pagination.count).toBe(1);
  });

  it('records a failed application with the reason and changes nothing', async () => {
    const content =
      'version: 1\nmetadata: {name: broken}\nentries:\n  - {model: authentik_core.group, identifiers: {name: half}}\n  - {model: authentik_sources_plex.plexsource, identifiers: {name: x}}\n';
    const created = await core.api('POST', '/api/v3/managed/blueprints/', { name: 'broken', content });
    const applied = await core.api('POST', `/api/v3/managed/blueprints/${created.body.pk}/apply/`);
    expect(applied.body.status).toBe('error');
    expect(applied.body.last_error).toContain('entries[1] (authentik_sources_plex.plexsource): model: unknown model');
    expect((await core.api('GET', '/api/v3/core/groups/?name=half')).body.pagination.count).toBe(0);
  });

  it('refuses invalid instances: a path outside the blueprint folders, bad content, both or neither', async () => {
    expect((await core.api('POST', '/api/v3/managed/blueprints/', { name: 'x', path: '../../etc/passwd' })).body.path).toBeDefined();
    expect(
      (await core.api('POST', '/api/v3/managed/blueprints/', { name: 'x', content: 'version: 1\nmetadata: {name: x\n' })).body.content[0],
    ).toContain('invalid YAML');
    expect((await core.api('POST', '/api/v3/managed/blueprints/', { name: 'x' })).body.path).toBeDefined();
    expect(
      (await core.api('POST', '/api/v3/managed/blueprints/', { name: 'x', path: 'default/default-brand.yaml', content: 'a' })).status,
    ).toBe(400);
  });
});

describe('blueprint discovery in AUTHMESH_BLUEPRINTS_DIR', () => {
  let core: CoreHarness;
  const dir = mkdtempSync(join(tmpdir(), 'authmesh-blueprints-dir-'));
  const file = join(dir, 'team.yaml');
  const blueprint = (title: string) =>
    `version: 1\nmetadata: {name: Team brand}\nentries:\n  - {model: authentik_tenants.tenant, identifiers: {domain: team.example.com}, attrs: {branding_title: ${title}}}\n`;

  beforeAll(async () => {
    writeFileSync(file, blueprint('First'));
    core = await startCore({ AUTHMESH_BLUEPRINTS_DIR: dir, AUTHMESH_BLUEPRINTS_RESCAN_SECONDS: '1' });
  });
  afterAll(() => core.close());

  it('applies a file found at start and re-applies it when it changes', async () => {
    const title = async () => (await core.api('GET', '/api/v3/core/brands/?domain=team.example.com')).body.results[0]?.branding_title;
    expect(await title()).toBe('First');
    writeFileSync(file, blueprint('Second'));
    for (let i = 0; i < 50 && (await title()) !== 'Second'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await title()).toBe('Second');
    const instance = (await core.api('GET', '/api/v3/managed/blueprints/?path=team.yaml')).body.results[0];
    expect(instance).toMatchObject({ status: 'successful', name: 'Team brand' });
  });
});
