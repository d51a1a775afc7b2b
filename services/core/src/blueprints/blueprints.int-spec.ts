import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { InProcessBus, Subjects, type BusMessage } from '@authmesh/bus';
import { loadConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { coreService, openCoreCommands, type CoreCommands } from '../index.js';

/** The reference product's blueprints, in shared/ beside the repository (COMPAT_CORPUS_DIR overrides). */
const CORPUS = process.env.COMPAT_CORPUS_DIR ?? join(__dirname, '../../../../../shared/compat/authentik-2023.10');
const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

describe('blueprints applied by core', () => {
  let db: TestDatabase;
  let core: CoreCommands;
  let bus: InProcessBus;
  const events: BusMessage[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'blueprints-'));

  const write = (name: string, yaml: string) => {
    const file = join(dir, name);
    writeFileSync(file, yaml);
    return file;
  };
  const sql = async (text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_blueprints');
    const config = loadConfig({ env: { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: 'blueprint-test-secret-key-long-enough-01234' } });
    await coreService.migrate!({ config, logger, databaseUrl: db.url });
    bus = new InProcessBus({ logger });
    await bus.consumeDurable('test', Subjects.eventCreated, (m) => void events.push(m));
    core = await openCoreCommands({
      config,
      logger,
      databaseUrl: db.url,
      secretKey: 'blueprint-test-secret-key-long-enough-01234',
      bus,
      version: 'test',
    });
  });
  afterAll(async () => {
    await core.close();
    await bus.close();
    await db.drop();
  });

  it('applies groups, users with hashed passwords, tokens with keys, brands and applications', async () => {
    const file = write(
      'setup.yaml',
      `version: 1
metadata: {name: setup}
context: {password: "bp-secret-1"}
entries:
  - {model: authentik_core.group, id: ops, identifiers: {name: ops}, attrs: {is_superuser: true}}
  - model: authentik_core.user
    id: carol
    identifiers: {username: carol}
    attrs: {email: carol@example.com, groups: [!KeyOf ops], password: !Context password}
  - model: authentik_core.token
    identifiers: {identifier: carol-token, intent: api, expiring: false, user: !KeyOf carol}
    attrs: {key: carol-fixed-key-0123456789}
  - {model: authentik_tenants.tenant, identifiers: {domain: sso.example.com}, attrs: {branding_title: SSO}}
  - {model: authentik_core.application, identifiers: {slug: wiki}, attrs: {name: Wiki, meta_launch_url: "https://wiki.example.com"}}
`,
    );
    const result = await core.applyBlueprint(file);
    expect(result.outcomes.map((o) => o.action)).toEqual(['created', 'created', 'created', 'created', 'created']);
    const [user] = await sql(
      `SELECT u.password, g.name FROM core.users u JOIN core.group_members m ON m.user_id = u.id JOIN core.groups g ON g.id = m.group_id WHERE u.username = 'carol'`,
    );
    expect(user.name).toBe('ops');
    expect(user.password.startsWith('$argon2id$')).toBe(true);
    const [token] = await sql(`SELECT key_sealed FROM core.tokens WHERE identifier = 'carol-token'`);
    expect(token.key_sealed).not.toContain('carol-fixed-key');
    for (let i = 0; i < 50 && !events.some((e) => (e.data as any).context?.model?.name === 'wiki'); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(events.map((e) => (e.data as any).action)).toEqual(expect.arrayContaining(['model_created', 'password_set']));

    const again = await core.applyBlueprint(file);
    expect(again.outcomes.map((o) => o.action)).toEqual(['updated', 'updated', 'updated', 'updated', 'updated']);
  });

  it('writes nothing and publishes nothing when a later entry is invalid, and names it', async () => {
    const file = write(
      'broken.yaml',
      `version: 1
metadata: {name: broken}
entries:
  - {model: authentik_core.group, identifiers: {name: should-not-exist}}
  - {model: authentik_core.user, identifiers: {username: also-not}}
  - {model: authentik_core.application, identifiers: {slug: "bad slug"}, attrs: {name: X}}
`,
    );
    await expect(core.applyBlueprint(file)).rejects.toThrow(
      /broken\.yaml entries\[2\] \(authentik_core\.application\): slug: Enter a valid "slug"/,
    );
    expect(await sql(`SELECT 1 FROM core.groups WHERE name = 'should-not-exist'`)).toHaveLength(0);
    expect(await sql(`SELECT 1 FROM core.users WHERE username = 'also-not'`)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 200));
    const names = events.map((e) => (e.data as any).context?.model?.name);
    expect(names).not.toContain('should-not-exist');
    expect(names).not.toContain('also-not');
  });

  it('refuses must_created on an existing object and an identifier the model does not know', async () => {
    await expect(
      core.applyBlueprint(
        write(
          'must.yaml',
          `version: 1\nmetadata: {name: m}\nentries:\n  - {model: authentik_core.group, state: must_created, identifiers: {name: ops}}\n`,
        ),
      ),
    ).rejects.toThrow('entries[0] (authentik_core.group): identifiers: the object already exists');
    await expect(
      core.applyBlueprint(
        write('ident.yaml', `version: 1\nmetadata: {name: i}\nentries:\n  - {model: authentik_core.group, identifiers: {colour: red}}\n`),
      ),
    ).rejects.toThrow('identifiers.colour: authmesh_core.group cannot be identified by "colour"');
  });

  it('validates without writing', async () => {
    const file = write(
      'dry.yaml',
      `version: 1\nmetadata: {name: dry}\nentries:\n  - {model: authentik_core.group, identifiers: {name: dry-run-group}}\n`,
    );
    const result = await core.applyBlueprint(file, { dryRun: true });
    expect(result.outcomes[0].action).toBe('created');
    expect(await sql(`SELECT 1 FROM core.groups WHERE name = 'dry-run-group'`)).toHaveLength(0);
  });

  it('exports objects as a blueprint that re-applies to the same state, without secrets', async () => {
    const yaml = await core.exportBlueprint();
    expect(yaml).toContain('model: authmesh_core.user');
    expect(yaml).toContain('username: carol');
    expect(yaml).not.toContain('argon2');
    expect(yaml).not.toContain('carol-fixed-key');
    expect(yaml).not.toContain('PRIVATE KEY');
    const before = await sql(`SELECT username, email, is_active, attributes FROM core.users ORDER BY username`);
    const result = await core.applyBlueprint(write('export.yaml', yaml));
    expect(result.outcomes.every((o) => o.action === 'updated')).toBe(true);
    expect(await sql(`SELECT username, email, is_active, attributes FROM core.users ORDER BY username`)).toEqual(before);
  });

  it('describes every model in a JSON schema for editors', () => {
    const schema = core.blueprintSchema() as { $defs: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['model_authmesh_core.user', 'model_authmesh_brands.brand']));
    expect(Object.keys(schema.$defs['model_authmesh_core.group'].properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'parent', 'is_superuser']),
    );
  });

  it('deletes objects in state absent', async () => {
    await core.applyBlueprint(
      write(
        'absent.yaml',
        `version: 1\nmetadata: {name: a}\nentries:\n  - {model: authentik_core.application, state: absent, identifiers: {slug: wiki}}\n`,
      ),
    );
    expect(await sql(`SELECT 1 FROM core.applications WHERE slug = 'wiki'`)).toHaveLength(0);
  });

  it("applies the reference product's events-default: transports, rules of the admins' group, and event matchers bound to the rules", async () => {
    await core.applyBlueprint(join(CORPUS, 'default', 'events-default.yaml'));
    const transports = await sql(`SELECT name, mode FROM core.notification_transports ORDER BY name`);
    expect(transports).toEqual([
      { name: 'default-email-transport', mode: 'email' },
      { name: 'default-local-transport', mode: 'local' },
    ]);
    const rules = await sql(
      `SELECT r.name, r.severity, g.name AS "group",
              (SELECT array_agg(t.name ORDER BY t.name) FROM core.notification_rule_transports rt
                 JOIN core.notification_transports t ON t.id = rt.transport_id WHERE rt.rule_id = r.id) AS transports
         FROM core.notification_rules r JOIN core.groups g ON g.id = r.group_id ORDER BY r.name`,
    );
    const both = ['default-email-transport', 'default-local-transport'];
    expect(rules).toEqual([
      { name: 'default-notify-configuration-error', severity: 'alert', group: 'authentik Admins', transports: both },
      { name: 'default-notify-exception', severity: 'alert', group: 'authentik Admins', transports: both },
      { name: 'default-notify-update', severity: 'alert', group: 'authentik Admins', transports: both },
    ]);
    const bindings = await sql(
      `SELECT r.name AS rule, b."order", p.name AS policy, p.config->>'action' AS action
         FROM core.policy_bindings b JOIN core.notification_rules r ON r.id = b.target_notification_rule_id
         JOIN core.policies p ON p.id = b.policy_id ORDER BY r.name, b."order"`,
    );
    expect(bindings).toEqual([
      { rule: 'default-notify-configuration-error', order: 0, policy: 'default-match-configuration-error', action: 'configuration_error' },
      { rule: 'default-notify-exception', order: 0, policy: 'default-match-policy-exception', action: 'policy_exception' },
      {
        rule: 'default-notify-exception',
        order: 1,
        policy: 'default-match-property-mapping-exception',
        action: 'property_mapping_exception',
      },
      { rule: 'default-notify-update', order: 0, policy: 'default-match-update', action: 'update_available' },
    ]);
    // Applying again changes nothing.
    await core.applyBlueprint(join(CORPUS, 'default', 'events-default.yaml'));
    expect(await sql(`SELECT count(*)::int AS n FROM core.policy_bindings WHERE target_notification_rule_id IS NOT NULL`)).toEqual([
      { n: 4 },
    ]);

    // An export names transports and rules under our model names and re-applies to the same state.
    const yaml = await core.exportBlueprint();
    expect(yaml).toContain('model: authmesh_events.notificationtransport');
    expect(yaml).toContain('model: authmesh_events.notificationrule');
    const result = await core.applyBlueprint(write('export-events.yaml', yaml));
    expect(result.outcomes.every((o) => o.action === 'updated')).toBe(true);
    expect(await sql(`SELECT name, mode FROM core.notification_transports ORDER BY name`)).toEqual(transports);
    expect(
      await sql(
        `SELECT r.name, r.severity, g.name AS "group",
                (SELECT array_agg(t.name ORDER BY t.name) FROM core.notification_rule_transports rt
                   JOIN core.notification_transports t ON t.id = rt.transport_id WHERE rt.rule_id = r.id) AS transports
           FROM core.notification_rules r JOIN core.groups g ON g.id = r.group_id ORDER BY r.name`,
      ),
    ).toEqual(rules);
  });

  /**
   * The compatibility report over the reference product's own blueprints: for every file,
   * either it applies, or the first model authmesh does not have yet that stops it. The
   * list shrinks as issues add models (flows, stages, policies, mappings, ...).
   */
  it('reports which reference blueprints apply and which model stops the others', async () => {
    const report: Record<string, string> = {};
    for (const folder of ['system', 'default', 'example']) {
      for (const name of readdirSync(join(CORPUS, folder)).sort()) {
        try {
          await core.applyBlueprint(join(CORPUS, folder, name), { dryRun: true });
          report[`${folder}/${name}`] = 'applies';
        } catch (error) {
          const message = (error as Error).message;
          const unknown = /unknown model (\S+)/.exec(message);
          // Other failures name the entry; the file's own path is left out (it depends on the machine).
          report[`${folder}/${name}`] = unknown ? `needs ${unknown[1]}` : message.slice(message.indexOf('entries['));
        }
      }
    }
    expect(report).toEqual(EXPECTED_CORPUS_REPORT);
  });
});

/** Update this as models land: a file moving to 'applies' is progress, the reverse a regression. */
/** How a Python expression from the reference product is refused (authmesh expressions are JavaScript). */
const PYTHON = 'This looks like a Python expression; authmesh expressions are JavaScript.';

const EXPECTED_CORPUS_REPORT: Record<string, string> = {
  'default/default-tenant.yaml': `entries[10] (authentik_policies_expression.expressionpolicy): expression: ${PYTHON}`,
  'default/events-default.yaml': 'applies',
  'default/flow-default-authentication-flow.yaml': `entries[10] (authentik_policies_expression.expressionpolicy): expression: ${PYTHON}`,
  'default/flow-default-authenticator-static-setup.yaml': 'applies',
  'default/flow-default-authenticator-totp-setup.yaml': 'applies',
  'default/flow-default-authenticator-webauthn-setup.yaml': 'applies',
  'default/flow-default-invalidation-flow.yaml': 'applies',
  'default/flow-default-provider-authorization-explicit-consent.yaml': 'applies',
  'default/flow-default-provider-authorization-implicit-consent.yaml': 'applies',
  'default/flow-default-source-authentication.yaml': `entries[1] (authentik_policies_expression.expressionpolicy): expression: ${PYTHON}`,
  'default/flow-default-source-enrollment.yaml': `entries[2] (authentik_policies_expression.expressionpolicy): expression: ${PYTHON}`,
  'default/flow-default-source-pre-authentication.yaml': 'applies',
  'default/flow-default-user-settings-flow.yaml': `entries[1] (authentik_stages_prompt.prompt): initial_value: ${PYTHON}`,
  'default/flow-oobe.yaml': `entries[5] (authentik_policies_expression.expressionpolicy): expression: ${PYTHON}`,
  'default/flow-password-change.yaml': 'applies',
  'example/flows-enrollment-2-stage.yaml': 'applies',
  'example/flows-enrollment-email-verification.yaml': 'applies',
  'example/flows-login-2fa.yaml': 'applies',
  'example/flows-login-conditional-captcha.yaml': 'applies',
  'example/flows-recovery-email-verification.yaml': 'applies',
  'example/flows-unenrollment.yaml': 'applies',
  'example/sources-google-ldap-mappings.yaml': 'needs authentik_sources_ldap.ldappropertymapping',
  'system/bootstrap.yaml': 'needs authentik_blueprints.blueprintinstance',
  'system/providers-oauth2.yaml': `entries[0] (authentik_providers_oauth2.scopemapping): expression: ${PYTHON}`,
  'system/providers-proxy.yaml': `entries[0] (authentik_providers_oauth2.scopemapping): expression: ${PYTHON}`,
  'system/providers-saml.yaml': 'needs authentik_providers_saml.samlpropertymapping',
  'system/providers-scim.yaml': 'needs authentik_providers_scim.scimmapping',
  'system/sources-ldap.yaml': 'needs authentik_sources_ldap.ldappropertymapping',
};
