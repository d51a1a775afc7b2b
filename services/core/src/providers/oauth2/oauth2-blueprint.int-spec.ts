import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { InProcessBus } from '@authmesh/bus';
import { loadConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { BUILTIN_BLUEPRINTS_DIR } from '../../blueprints/blueprint-files.js';
import { coreService, openCoreCommands, type CoreCommands } from '../../index.js';

const SECRET = 'oauth2-blueprint-secret-key-long-enough-0123';
const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

describe('OAuth2 providers and scope mappings in blueprints', () => {
  let db: TestDatabase;
  let core: CoreCommands;
  let bus: InProcessBus;
  const dir = mkdtempSync(join(tmpdir(), 'oauth2-blueprints-'));
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
    db = await createTestDatabase('authmesh_oauth2_blueprints');
    const config = loadConfig({ env: { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: SECRET } });
    await coreService.migrate!({ config, logger, databaseUrl: db.url });
    bus = new InProcessBus({ logger });
    core = await openCoreCommands({ config, logger, databaseUrl: db.url, secretKey: SECRET, bus, version: 'test' });
  });
  afterAll(async () => {
    await core.close();
    await bus.close();
    await db.drop();
  });

  it('applies the built-in scope mappings, then a reference-style provider that finds them by managed key', async () => {
    const system = await core.applyBlueprint(join(BUILTIN_BLUEPRINTS_DIR, 'system/providers-oauth2.yaml'));
    expect(system.outcomes.map((o) => o.action)).toEqual(['created', 'created', 'created']);
    await core.applyBlueprint(join(BUILTIN_BLUEPRINTS_DIR, 'default/flow-default-provider-authorization-implicit-consent.yaml'));

    const file = join(dir, 'grafana.yaml');
    writeFileSync(
      file,
      `version: 1
metadata: {name: grafana}
entries:
  - model: authentik_providers_oauth2.oauth2provider
    id: provider
    identifiers: {name: Grafana}
    attrs:
      authorization_flow: !Find [authentik_flows.flow, [slug, default-provider-authorization-implicit-consent]]
      client_id: grafana
      client_secret: grafana-client-secret
      redirect_uris: "https://grafana.example.com/login/generic_oauth"
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-profile]]
  - model: authentik_core.application
    identifiers: {slug: grafana}
    attrs: {name: Grafana, provider: !KeyOf provider}
`,
    );
    const applied = await core.applyBlueprint(file);
    expect(applied.outcomes.map((o) => o.action)).toEqual(['created', 'created']);
    const [row] = await sql(`
      SELECT o.client_id, o.client_secret_sealed, o.redirect_uris, count(ppm.*)::int AS scopes
        FROM core.oauth2_providers o
        JOIN core.providers p ON p.id = o.provider_id
        JOIN core.provider_property_mappings ppm ON ppm.provider_id = p.id
        JOIN core.applications a ON a.provider_id = p.id
       WHERE a.slug = 'grafana'
       GROUP BY o.client_id, o.client_secret_sealed, o.redirect_uris`);
    expect(row.client_id).toBe('grafana');
    expect(row.client_secret_sealed).not.toContain('grafana-client-secret');
    expect(row.redirect_uris).toEqual([{ matching_mode: 'strict', url: 'https://grafana.example.com/login/generic_oauth' }]);
    expect(row.scopes).toBe(2);

    // Applying again updates in place and keeps the sealed secret.
    const again = await core.applyBlueprint(file);
    expect(again.outcomes.map((o) => o.action)).toEqual(['updated', 'updated']);
    expect(await sql('SELECT 1 FROM core.oauth2_providers')).toHaveLength(1);
  });

  it('exports providers without their client secret', async () => {
    const exported = await core.exportBlueprint();
    expect(exported).toContain('grafana');
    expect(exported).not.toContain('grafana-client-secret');
    expect(exported).not.toContain('client_secret');
  });
});
