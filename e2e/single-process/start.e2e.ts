import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { freePort } from '@authmesh/testing';
import { AUTHMESH_BIN, apiClient, runAuthmesh, waitReady, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'e2e-bootstrap-token-0123456789abcdef';

/**
 * The README's first command: `authmesh start` with nothing but bootstrap settings, so
 * PostgreSQL is embedded (under the data dir) and the bus is in-process.
 */
describe('authmesh start (single process, embedded PostgreSQL)', () => {
  let dir: string;
  let env: Record<string, string>;
  let proc: AuthmeshProcess;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authmesh-e2e-'));
    chmodSync(dir, 0o755);
    const [http, grpc, metrics, pg] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    env = {
      AUTHMESH_LISTEN_HTTP: `127.0.0.1:${http}`,
      AUTHMESH_LISTEN_GRPC: `127.0.0.1:${grpc}`,
      AUTHMESH_LISTEN_METRICS: `127.0.0.1:${metrics}`,
      AUTHMESH_EMBEDDED_POSTGRES_PORT: String(pg),
      AUTHMESH_BOOTSTRAP_PASSWORD: 'e2e password 1',
      AUTHMESH_BOOTSTRAP_EMAIL: 'root@example.com',
      AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
    };
    proc = runAuthmesh(['start'], env, dir, http);
    await waitReady(proc, 120_000);
    api = apiClient(proc.baseUrl, TOKEN);
  });

  afterAll(async () => {
    // SIGTERM, not SIGKILL: a killed authmesh would leave its embedded PostgreSQL running.
    await proc?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data and secret under ./data', () => {
    expect(existsSync(join(dir, 'data', 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'secret.key'))).toBe(true);
    expect(proc.output()).toContain('AUTHMESH_SECRET_KEY is not set');
  });

  it('serves the API with the bootstrap token', async () => {
    const me = await api('GET', '/api/v3/core/users/me/');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'akadmin', is_superuser: true, email: 'root@example.com' });
  });

  it('records changes made through the API in the event log', async () => {
    const created = await api('POST', '/api/v3/core/users/', { username: 'e2e-alice', email: 'alice@example.com' });
    expect(created.status).toBe(201);
    let found;
    for (let i = 0; i < 50 && !found; i++) {
      const events = await api('GET', '/api/v3/events/events/?action=model_created&context_model_name=user');
      found = events.body.results.find((e: any) => e.context.model.name === 'e2e-alice');
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toMatchObject({ action: 'model_created', user: { username: 'akadmin' }, client_ip: '127.0.0.1' });
  });

  it('answers 400 with field errors through the gateway and 401 without a token', async () => {
    const bad = await api('POST', '/api/v3/core/groups/', { name: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.name).toBeDefined();
    const anon = await fetch(`${proc.baseUrl}/api/v3/core/users/`);
    expect(anon.status).toBe(401);
  });

  it('serves the OpenAPI document and the API browser', async () => {
    const schema = (await fetch(`${proc.baseUrl}/api/v3/schema/`).then((r) => r.json())) as { paths: Record<string, unknown> };
    expect(Object.keys(schema.paths)).toEqual(expect.arrayContaining(['/api/v3/core/users', '/api/v3/events/events']));
    expect((await fetch(`${proc.baseUrl}/api/v3/docs/`)).status).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    const text = await fetch(`http://${env.AUTHMESH_LISTEN_METRICS}/metrics`).then((r) => r.text());
    expect(text).toContain('authmesh_http_request_duration_seconds');
    expect(text).toContain('authmesh_gateway_requests_total');
  });

  it('reports healthy through `authmesh healthcheck`', () => {
    const out = execFileSync(AUTHMESH_BIN, ['healthcheck'], {
      env: { PATH: process.env.PATH ?? '', AUTHMESH_LISTEN_HTTP: env.AUTHMESH_LISTEN_HTTP },
    }).toString();
    expect(out).toContain('200');
  });

  it('stops cleanly on SIGTERM within 10 seconds, embedded PostgreSQL included', async () => {
    const { code, ms } = await proc.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(existsSync(join(dir, 'data', 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('reuses the data on the next start and does not bootstrap again', async () => {
    proc = runAuthmesh(
      ['start'],
      { ...env, AUTHMESH_BOOTSTRAP_TOKEN: 'a-different-token-0123456789abcdef' },
      dir,
      Number(env.AUTHMESH_LISTEN_HTTP.split(':')[1]),
    );
    await waitReady(proc, 60_000);
    expect((await api('GET', '/api/v3/core/users/?username=e2e-alice')).body.pagination.count).toBe(1);
    expect((await apiClient(proc.baseUrl, 'a-different-token-0123456789abcdef')('GET', '/api/v3/core/users/me/')).status).toBe(401);
    expect((await proc.stop()).code).toBe(0);
  });

  it('refuses to start with an invalid setting and names it', async () => {
    const bad = runAuthmesh(['start'], { ...env, AUTHMESH_LISTEN_HTTP: 'not-a-port' }, dir);
    expect(await bad.exited).toBe(78);
    expect(bad.output()).toContain('AUTHMESH_LISTEN_HTTP: expected host:port');
  });

  it('exits non-zero with a clear message when DATABASE_URL cannot be reached', async () => {
    const port = await freePort();
    const bad = runAuthmesh(
      ['start'],
      { ...env, DATABASE_URL: `postgres://x@127.0.0.1:${port}/x`, AUTHMESH_DATABASE_WAIT_SECONDS: '1' },
      dir,
    );
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(new RegExp(`start failed: PostgreSQL at 127\\.0\\.0\\.1:${port}\\S* is not`));
    expect(bad.output()).not.toContain('postgres://x@');
  });

  it('prints usage for --help and refuses unknown commands', async () => {
    const help = runAuthmesh(['--help'], {}, dir);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('authmesh start [--target');
    const unknown = runAuthmesh(['frobnicate'], {}, dir);
    expect(await unknown.exited).toBe(2);
  });
});
