import { startServiceTasks, type ServiceTasks } from '@authmesh/runtime';
import { createLogger } from '@authmesh/logger';
import { waitUntil } from '@authmesh/testing';
import { Writable } from 'node:stream';
import { startCore, type CoreHarness } from '../../test/core.harness.js';

const quiet = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** System tasks: runs reported by the services over the bus, listed and re-run through core's API. */
describe('system tasks API', () => {
  let core: CoreHarness;
  let remote: ServiceTasks | undefined;
  beforeAll(async () => {
    core = await startCore();
  });
  afterEach(async () => {
    await remote?.stop();
    remote = undefined;
  });
  afterAll(() => core.close());

  const task = async (uid: string) => (await core.api('GET', `/api/v3/admin/system_tasks/${uid}/`)).body;

  it("lists core's own tasks, with the blueprint discovery that ran at start, but not the outbox relay", async () => {
    const res = await core.api('GET', '/api/v3/admin/system_tasks/?service=core');
    expect(res.status).toBe(200);
    const names = (res.body.results as Array<{ name: string }>).map((row) => row.name);
    expect(names).toEqual(['blueprint_discovery', 'source_key_set_refresh']);
    const discovery = await task('core.blueprint_discovery');
    expect(discovery).toMatchObject({ uid: 'core.blueprint_discovery', service: 'core', status: 'successful' });
    expect(typeof discovery.last_run).toBe('string');
    expect(typeof discovery.duration).toBe('number');
    expect(discovery.messages[0]).toMatch(/^\d+ blueprint file\(s\) found, \d+ applied\.$/);
    expect(await task('core.source_key_set_refresh')).toMatchObject({ status: 'unknown', last_run: null, messages: [] });
  });

  it("records another service's runs that arrive over the bus, and runs its task when asked", async () => {
    let runs = 0;
    remote = await startServiceTasks({ bus: core.bus, logger: quiet }, 'events', [
      {
        name: 'retention_probe',
        description: 'A task of another service.',
        intervalMs: 3_600_000,
        run: async () => ({ messages: [`run ${++runs}`] }),
      },
    ]);
    const announced = await waitUntil(async () => {
      const body = await task('events.retention_probe');
      return body?.status === 'unknown' ? body : null;
    });
    expect(announced).toMatchObject({
      service: 'events',
      name: 'retention_probe',
      description: 'A task of another service.',
      interval_seconds: 3600,
    });

    const accepted = await core.api('POST', '/api/v3/admin/system_tasks/events.retention_probe/run/');
    expect(accepted.status).toBe(202);
    expect(typeof accepted.body.detail).toBe('string');
    const first = await waitUntil(async () => {
      const body = await task('events.retention_probe');
      return body?.status === 'successful' ? body : null;
    });
    expect(first.messages).toEqual(['run 1']);
    expect(first.last_run >= first.started).toBe(true);

    await core.api('POST', '/api/v3/admin/system_tasks/events.retention_probe/run/');
    await waitUntil(async () => (await task('events.retention_probe')).messages[0] === 'run 2');

    // The service goes away: its task keeps the last state it reported.
    await remote.stop();
    remote = undefined;
    expect(await task('events.retention_probe')).toMatchObject({ status: 'successful', messages: ['run 2'] });
  });

  it('records a failing run as an error with its message', async () => {
    remote = await startServiceTasks({ bus: core.bus, logger: quiet }, 'flows', [
      {
        name: 'broken_probe',
        description: 'Always fails.',
        intervalMs: 3_600_000,
        run: async () => {
          throw new Error('the database is read-only');
        },
      },
    ]);
    await waitUntil(async () => (await task('flows.broken_probe'))?.status === 'unknown');
    await core.api('POST', '/api/v3/admin/system_tasks/flows.broken_probe/run/');
    const failed = await waitUntil(async () => {
      const body = await task('flows.broken_probe');
      return body?.status === 'error' ? body : null;
    });
    expect(failed.messages).toEqual(['the database is read-only']);

    const errors = await core.api('GET', '/api/v3/admin/system_tasks/?status=error');
    expect((errors.body.results as Array<{ uid: string }>).map((row) => row.uid)).toContain('flows.broken_probe');
    expect((errors.body.results as Array<{ status: string }>).every((row) => row.status === 'error')).toBe(true);
  });

  it("runs core's own task in process when asked", async () => {
    const before = await task('core.source_key_set_refresh');
    const accepted = await core.api('POST', '/api/v3/admin/system_tasks/core.source_key_set_refresh/run/');
    expect(accepted.status).toBe(202);
    const after = await waitUntil(async () => {
      const body = await task('core.source_key_set_refresh');
      return body.last_run !== before.last_run ? body : null;
    });
    expect(after).toMatchObject({ status: 'successful', messages: ['0 key set(s) changed.'] });
  });

  it('drops malformed reports from the bus', async () => {
    await core.bus.publish('authmesh.tasks.v1.finished', { service: 'events', name: '../x', status: 'successful' });
    await core.bus.publish('authmesh.tasks.v1.announced', { service: 'Bad Service', name: 'x', description: '', interval_seconds: 1 });
    // Core's own runs never come over the bus, and no service is unknown to core.
    await core.bus.publish('authmesh.tasks.v1.announced', { service: 'core', name: 'x', description: 'forged', interval_seconds: 1 });
    await core.bus.publish('authmesh.tasks.v1.announced', { service: 'scim', name: 'x', description: '', interval_seconds: 1 });
    // A run "finished" far in the future would outrank every real report after it.
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await core.bus.publish('authmesh.tasks.v1.finished', {
      ...{ service: 'oauth2', name: 'x', description: '', status: 'successful', messages: [] },
      ...{ started: future, finished: future, duration: 0 },
    });
    // A valid report published afterwards is the barrier: once it is stored, the bad ones were handled.
    await core.bus.publish('authmesh.tasks.v1.announced', { service: 'oauth2', name: 'barrier', description: '', interval_seconds: 60 });
    await waitUntil(async () => (await task('oauth2.barrier'))?.status === 'unknown');
    const rows = await core.sql(`SELECT service, name FROM core.system_tasks WHERE name IN ('../x', 'x')`);
    expect(rows).toEqual([]);
  });

  it('searches, orders and pages like the other lists', async () => {
    const searched = await core.api('GET', '/api/v3/admin/system_tasks/?search=blueprint');
    expect((searched.body.results as Array<{ uid: string }>).map((row) => row.uid)).toEqual(['core.blueprint_discovery']);
    const ordered = await core.api('GET', '/api/v3/admin/system_tasks/?ordering=-name&page_size=1&page=1');
    expect(ordered.body.pagination).toMatchObject({ current: 1, next: 2 });
    const all = await core.api('GET', '/api/v3/admin/system_tasks/?ordering=-name&page_size=100');
    const names = (all.body.results as Array<{ name: string }>).map((row) => row.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(ordered.body.results[0].name).toBe(names[0]);
  });

  it('refuses a malformed filter with a field error', async () => {
    const bad = await core.api('GET', '/api/v3/admin/system_tasks/?status=sometimes');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(['status']);
  });

  it('answers 404 for unknown tasks and malformed ids, and publishes nothing for them', async () => {
    const requests: unknown[] = [];
    const sub = await core.bus.subscribe('authmesh.tasks.v1.run_requested', (m) => void requests.push(m.data));
    expect((await core.api('GET', '/api/v3/admin/system_tasks/core.nothing/')).status).toBe(404);
    expect((await core.api('POST', '/api/v3/admin/system_tasks/core.nothing/run/')).status).toBe(404);
    expect((await core.api('POST', '/api/v3/admin/system_tasks/core.blueprint_discovery.extra/run/')).status).toBe(404);
    expect((await core.api('POST', '/api/v3/admin/system_tasks/core/run/')).status).toBe(404);
    await core.bus.publish('authmesh.tasks.v1.run_requested', 'barrier');
    await waitUntil(() => requests.includes('barrier'));
    await sub.unsubscribe();
    expect(requests).toEqual(['barrier']);
  });

  it('is for superusers only', async () => {
    expect([401, 403]).toContain((await core.api('GET', '/api/v3/admin/system_tasks/', undefined, null)).status);
    expect([401, 403]).toContain(
      (await core.api('POST', '/api/v3/admin/system_tasks/core.blueprint_discovery/run/', undefined, null)).status,
    );
  });

  // Last: it closes the bus the other tests use.
  it('answers 503 and asks nothing when the bus cannot carry the request', async () => {
    await core.bus.close();
    const res = await core.api('POST', '/api/v3/admin/system_tasks/events.retention_probe/run/');
    expect(res.status).toBe(503);
    expect(res.body.detail).toMatch(/bus is unavailable/);
  });
});
