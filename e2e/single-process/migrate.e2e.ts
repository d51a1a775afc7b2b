import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { runAuthmesh } from '../support/authmesh-process.js';

describe('authmesh migrate', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('authmesh_migrate');
    dir = mkdtempSync(join(tmpdir(), 'authmesh-migrate-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('creates one schema per service, then has nothing left to apply', async () => {
    const env = { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: 'migrate-e2e-secret-key-long-enough-012345' };
    const first = runAuthmesh(['migrate'], env, dir);
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('migrations applied');
    const second = runAuthmesh(['migrate'], env, dir);
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain('migrations applied');

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema IN ('core', 'events') ORDER BY 1`,
    );
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['core.users', 'core.groups', 'core.tokens', 'core.migrations', 'events.events', 'events.migrations']),
    );
  });

  it('refuses an unknown --target', async () => {
    const bad = runAuthmesh(['migrate', '--target', 'nonsense'], { DATABASE_URL: db.url }, dir);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('unknown --target nonsense');
  });
});

describe('authmesh blueprint', () => {
  let db: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase('authmesh_blueprint_cli');
    dir = mkdtempSync(join(tmpdir(), 'authmesh-blueprint-'));
    env = {
      DATABASE_URL: db.url,
      AUTHMESH_SECRET_KEY: 'blueprint-e2e-secret-key-long-enough-0123',
      AUTHMESH_BLUEPRINT_TEAM_PASSWORD: 'from-env-123',
    };
    writeFileSync(
      join(dir, 'team.yaml'),
      `version: 1
metadata: {name: Team}
context: {team: platform}
entries:
  - {model: authentik_core.group, id: team, identifiers: {name: !Format ["%s-team", !Context team]}}
  - model: authentik_core.user
    identifiers: {username: !Format ["%s-bot", !Context team]}
    attrs: {groups: [!KeyOf team], password: !Env AUTHMESH_BLUEPRINT_TEAM_PASSWORD}
`,
    );
    writeFileSync(
      join(dir, 'secret.yaml'),
      `version: 1\nmetadata: {name: Leak}\nentries:\n  - {model: authentik_core.group, identifiers: {name: !Env AUTHMESH_SECRET_KEY}}\n`,
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const groups = async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT name FROM core.groups ORDER BY name');
    await client.end();
    return rows.map((r) => r.name);
  };

  it('validates without writing, then applies with a context override', async () => {
    const validate = runAuthmesh(['blueprint', 'validate', 'team.yaml'], env, dir);
    expect(await validate.exited).toBe(0);
    expect(validate.output()).toContain('entries[0] authentik_core.group: created');
    expect(await groups()).toEqual([]);
    const apply = runAuthmesh(['blueprint', 'apply', 'team.yaml', '--context', 'team=ops'], env, dir);
    expect(await apply.exited).toBe(0);
    expect(await groups()).toEqual(['ops-team']);
  });

  it('fails with a message naming the entry and changes nothing when a blueprint reads a forbidden variable', async () => {
    const run = runAuthmesh(['blueprint', 'apply', 'secret.yaml'], env, dir);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('entries[0] (authentik_core.group): !Env AUTHMESH_SECRET_KEY: blueprints may only read');
    expect(run.output()).not.toContain(env.AUTHMESH_SECRET_KEY);
    expect(await groups()).toEqual(['ops-team']);
  });
});
