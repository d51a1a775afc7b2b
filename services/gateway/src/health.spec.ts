import type { ReadinessReport } from '@authmesh/runtime';
import { ReadinessProbe, type ReadinessSource } from '@authmesh/runtime';
import { serve } from '../test/gateway.harness.js';

function counting(ready: () => boolean | Promise<boolean>) {
  const calls = { count: 0 };
  const source: ReadinessSource = {
    kind: 'local',
    service: {
      readiness: async (): Promise<ReadinessReport> => {
        calls.count++;
        return { ready: await ready(), checks: {} };
      },
    },
  };
  return { source, calls };
}

describe('ReadinessProbe', () => {
  it('reuses an answer within the cache period and asks again after it', async () => {
    let now = 0;
    let ready = true;
    const core = counting(() => ready);
    const probe = new ReadinessProbe(new Map([['core', core.source]]), { cacheMs: 1000, now: () => now });
    expect(await probe.check()).toEqual({ ready: true, checks: { core: true } });
    ready = false;
    now = 999;
    expect((await probe.check()).ready).toBe(true);
    expect(core.calls.count).toBe(1);
    now = 1000;
    expect(await probe.check()).toEqual({ ready: false, checks: { core: false } });
    expect(core.calls.count).toBe(2);
  });

  it('shares one check among concurrent callers', async () => {
    let release: (ready: boolean) => void = () => undefined;
    const core = counting(() => new Promise<boolean>((resolve) => (release = resolve)));
    const probe = new ReadinessProbe(new Map([['core', core.source]]), { cacheMs: 0 });
    const answers = Promise.all([probe.check(), probe.check(), probe.check()]);
    await new Promise((resolve) => setImmediate(resolve));
    release(true);
    expect((await answers).map((a) => a.ready)).toEqual([true, true, true]);
    expect(core.calls.count).toBe(1);
  });

  it('counts a service that throws, is absent, or is slower than the timeout as not ready', async () => {
    const slow = await serve(() => undefined);
    try {
      const probe = new ReadinessProbe(
        new Map<string, ReadinessSource>([
          ['core', { kind: 'local', service: { readiness: () => Promise.reject(new Error('db down')) } }],
          ['events', { kind: 'absent' }],
          ['flows', { kind: 'remote', baseUrl: slow.url }],
        ]),
        { remoteTimeoutMs: 100 },
      );
      expect(await probe.check()).toEqual({ ready: false, checks: { core: false, events: false, flows: false } });
    } finally {
      await slow.close();
    }
  });

  it('asks a remote service on its readiness path', async () => {
    const paths: string[] = [];
    const remote = await serve((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(req.url === '/-/health/ready/' ? 200 : 404).end();
    });
    try {
      const probe = new ReadinessProbe(
        new Map<string, ReadinessSource>([['flows', { kind: 'remote', baseUrl: `${remote.url}/ignored/` }]]),
      );
      expect(await probe.check()).toEqual({ ready: true, checks: { flows: true } });
      expect(paths).toEqual(['/-/health/ready/']);
    } finally {
      await remote.close();
    }
  });
});
