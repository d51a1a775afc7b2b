import type { ServiceName } from '@authmesh/config';
import { TrustedProxies, type RunningService } from '@authmesh/runtime';
import { echo, fakeService, readJson, serve, silentLogger, type Served } from '../test/gateway.harness.js';
import { createServiceRouter } from './service-router.js';

describe('createServiceRouter', () => {
  let served: Served | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  async function router(trusted: string[], eventsReady = true) {
    const local = new Map<ServiceName, RunningService>([
      ['events', fakeService('events', { handler: echo('events'), ready: () => eventsReady })],
    ]);
    served = await serve(createServiceRouter(local, { logger: silentLogger, trustedProxies: new TrustedProxies(trusted) }));
    return served.url;
  }

  it('routes to local services only; paths of services elsewhere answer 503, unknown paths 404', async () => {
    const url = await router(['127.0.0.0/8']);
    expect((await readJson(await fetch(`${url}/api/v3/events/x/`))).service).toBe('events');
    expect((await fetch(`${url}/api/v3/core/users/`)).status).toBe(503);
    expect((await fetch(`${url}/elsewhere/`)).status).toBe(404);
  });

  it('keeps the client IP and request id a trusted gateway resolved', async () => {
    const url = await router(['127.0.0.0/8']);
    const res = await fetch(`${url}/api/v3/events/x/`, { headers: { 'x-authmesh-client-ip': '198.51.100.9', 'x-request-id': 'gw-1' } });
    const body = await readJson(res);
    expect(body.headers['x-authmesh-client-ip']).toBe('198.51.100.9');
    expect(body.headers['x-request-id']).toBe('gw-1');
  });

  it('replaces the client IP header from an untrusted peer', async () => {
    const url = await router(['10.0.0.0/8']);
    const body = await readJson(await fetch(`${url}/api/v3/events/x/`, { headers: { 'x-authmesh-client-ip': '198.51.100.9' } }));
    expect(body.headers['x-authmesh-client-ip']).toBe('127.0.0.1');
  });

  it('refuses a client IP header that is not an address even from a trusted peer', async () => {
    const url = await router(['127.0.0.0/8']);
    const body = await readJson(await fetch(`${url}/api/v3/events/x/`, { headers: { 'x-authmesh-client-ip': 'not-an-ip' } }));
    expect(body.headers['x-authmesh-client-ip']).toBe('127.0.0.1');
  });

  it('answers readiness for the services of this process', async () => {
    const ready = await router(['127.0.0.0/8']);
    expect(await readJson(await fetch(`${ready}/-/health/ready/`))).toEqual({ ready: true, checks: { events: true } });
    await served?.close();
    const unready = await router(['127.0.0.0/8'], false);
    expect((await fetch(`${unready}/-/health/ready/`)).status).toBe(503);
  });
});
