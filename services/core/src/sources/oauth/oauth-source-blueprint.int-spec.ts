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

const SECRET = 'oauth-source-blueprint-secret-key-long-enough';
const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
const KEY =
  'kty: EC, crv: P-256, kid: ci-1, x: f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU, y: x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0';

describe('OAuth sources in blueprints', () => {
  let db: TestDatabase;
  let core: CoreCommands;
  let bus: InProcessBus;
  const dir = mkdtempSync(join(tmpdir(), 'oauth-source-blueprints-'));
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
    db = await createTestDatabase('authmesh_oauth_source_blueprints');
    const config = loadConfig({ env: { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: SECRET } });
    await coreService.migrate!({ config, logger, databaseUrl: db.url });
    bus = new InProcessBus({ logger });
    core = await openCoreCommands({ config, logger, databaseUrl: db.url, secretKey: SECRET, bus, version: 'test' });
    await core.applyBlueprint(join(BUILTIN_BLUEPRINTS_DIR, 'default/flow-default-provider-authorization-implicit-consent.yaml'));
  });
  afterAll(async () => {
    await core.close();
    await bus.close();
    await db.drop();
  });

  it('applies a reference-style source and a provider that trusts it by !KeyOf, in one transaction', async () => {
    const file = join(dir, 'm2m.yaml');
    writeFileSync(
      file,
      `version: 1
metadata: {name: m2m}
entries:
  - model: authentik_sources_oauth.oauthsource
    id: ci
    identifiers: {slug: ci}
    attrs:
      name: CI
      provider_type: openidconnect
      consumer_key: ci
      consumer_secret: ci-consumer-secret
      authorization_url: https://ci.example.com/authorize
      access_token_url: https://ci.example.com/token
      profile_url: https://ci.example.com/userinfo
      oidc_jwks: {keys: [{${KEY}}]}
  - model: authentik_providers_oauth2.oauth2provider
    identifiers: {name: M2M}
    attrs:
      authorization_flow: !Find [authentik_flows.flow, [slug, default-provider-authorization-implicit-consent]]
      client_id: m2m
      jwks_sources: [!KeyOf ci]
`,
    );
    const applied = await core.applyBlueprint(file);
    expect(applied.outcomes.map((o) => o.action)).toEqual(['created', 'created']);
    const [source] = await sql(
      `SELECT s.id, o.consumer_secret_sealed, o.oidc_jwks FROM core.sources s JOIN core.oauth_sources o ON o.source_id = s.id`,
    );
    expect(source.consumer_secret_sealed).not.toContain('ci-consumer-secret');
    expect(source.oidc_jwks.keys[0].kid).toBe('ci-1');
    const [provider] = await sql(`SELECT jwks_sources FROM core.oauth2_providers WHERE client_id = 'm2m'`);
    expect(provider.jwks_sources).toEqual([source.id]);

    const again = await core.applyBlueprint(file);
    expect(again.outcomes.map((o) => o.action)).toEqual(['updated', 'updated']);
    expect(await sql('SELECT 1 FROM core.sources')).toHaveLength(1);
  });

  it('applies nothing when an entry is refused', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      `version: 1
metadata: {name: broken}
entries:
  - model: authentik_sources_oauth.oauthsource
    identifiers: {slug: second}
    attrs: {name: Second, provider_type: github, consumer_key: k, consumer_secret: s}
  - model: authentik_sources_oauth.oauthsource
    identifiers: {slug: third}
    attrs: {name: Third, provider_type: github, consumer_key: k, consumer_secret: s, oidc_jwks: {keys: [{kty: oct, k: c2VjcmV0}]}}
`,
    );
    await expect(core.applyBlueprint(file)).rejects.toThrow();
    expect((await sql('SELECT slug FROM core.sources ORDER BY slug')).map((r) => r.slug)).toEqual(['ci']);
  });

  it('exports sources without their consumer secret', async () => {
    const exported = await core.exportBlueprint();
    expect(exported).toContain('authmesh_sources_oauth.oauthsource');
    expect(exported).toContain('ci-1');
    expect(exported).not.toContain('ci-consumer-secret');
    expect(exported).not.toContain('consumer_secret');
  });
});
