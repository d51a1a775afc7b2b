import { startCore, type CoreHarness } from '../../test/core.harness.js';

/** The dashboard's system status: facts about the installation and each service's readiness. */
describe('admin system API', () => {
  let core: CoreHarness;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  it('reports the version, the database, the bus and every service, naming what is missing', async () => {
    const res = await core.api('GET', '/api/v3/admin/system/');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      database: { ready: true },
      bus: { ready: true, kind: 'in-process' },
      runtime: { node_version: process.version },
    });
    const services = res.body.services as Array<{ name: string; location: string; ready: boolean }>;
    expect(services.find((s) => s.name === 'core')).toEqual({ name: 'core', location: 'local', ready: true });
    // This harness runs core alone: the runtimes are neither here nor configured.
    expect(services.find((s) => s.name === 'flows')).toEqual({ name: 'flows', location: 'absent', ready: false });
    expect(services.some((s) => s.name === 'gateway')).toBe(false);
    expect(res.body.problems).toContain('The flows service is neither in this process nor configured with an address.');
  });

  it('says the newest version is unknown rather than calling out', async () => {
    const res = await core.api('GET', '/api/v3/admin/version/');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version_latest: null, outdated: null });
    expect(typeof res.body.version_current).toBe('string');
  });

  it('is for superusers only', async () => {
    const anonymous = await core.api('GET', '/api/v3/admin/system/', undefined, null);
    expect([401, 403]).toContain(anonymous.status);
  });
});
