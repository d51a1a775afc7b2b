import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import type { ServiceName } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { TrustedProxies, type RunningService } from '@authmesh/runtime';
import { createGatewayHandler, type Upstream } from './gateway.handler';
import { CombinedReadiness, type ReadinessSource } from './readiness';

const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** A handler that answers with what it received, so tests can see what the gateway forwarded. */
const echo =
  (name: string): RequestListener =>
  (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ service: name, method: req.method, url: req.url, headers: req.headers, body }));
    });
  };

function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

function fakeService(name: ServiceName, ready: { value: boolean }): RunningService {
  return { name, readiness: async () => ({ ready: ready.value, checks: {} }), stop: async () => undefined };
}

describe('gateway handler', () => {
  const coreReady = { value: true };
  let remote: { server: Server; url: string };
  let servers: Server[] = [];

  async function gateway(options: { trusted?: string[]; eventsUrl?: string } = {}) {
    const upstreams = new Map<ServiceName, Upstream>([
      ['core', { kind: 'local', handler: echo('core') }],
      ['events', { kind: 'remote', baseUrl: options.eventsUrl ?? remote.url }],
    ]);
    const sources = new Map<ServiceName, ReadinessSource>([['core', { kind: 'local', service: fakeService('core', coreReady) }]]);
    const { handler, close } = createGatewayHandler({
      upstreams,
      readiness: new CombinedReadiness(sources, 0),
      proxies: new TrustedProxies(options.trusted ?? ['127.0.0.0/8']),
      logger,
      metrics: new Registry(),
    });
    const served = await listen(handler);
    servers.push(served.server);
    return { url: served.url, close };
  }

  beforeAll(async () => {
    remote = await listen(echo('events'));
  });
  afterEach(() => {
    for (const s of servers) s.close();
    servers = [];
  });
  afterAll(() => remote.server.close());

  it('routes by the longest matching prefix to local and remote services', async () => {
    const gw = await gateway();
    const core = await (await fetch(`${gw.url}/api/v3/core/users/`)).json();
    expect(core.service).toBe('core');
    const events = await (await fetch(`${gw.url}/api/v3/events/events/?action=login`, { method: 'POST', body: 'hello' })).json();
    expect(events).toMatchObject({ service: 'events', method: 'POST', url: '/api/v3/events/events/?action=login', body: 'hello' });
    gw.close();
  });

  it('answers 502 JSON when a remote service is down', async () => {
    const gw = await gateway({ eventsUrl: 'http://127.0.0.1:1' });
    const res = await fetch(`${gw.url}/api/v3/events/events/`);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ detail: 'Upstream service unavailable.' });
    gw.close();
  });

  it('answers 404 for paths no service owns and 503 for a service that is not deployed', async () => {
    const gw = await gateway();
    expect((await fetch(`${gw.url}/nothing/here`)).status).toBe(404);
    expect((await fetch(`${gw.url}/flows/-/default/authentication/`)).status).toBe(503);
    gw.close();
  });

  it('replaces a client-supplied identity header with the resolved client IP', async () => {
    const gw = await gateway();
    const body = await (
      await fetch(`${gw.url}/api/v3/core/x`, { headers: { 'x-authmesh-client-ip': '6.6.6.6', 'x-authmesh-user': 'root' } })
    ).json();
    expect(body.headers['x-authmesh-client-ip']).toBe('127.0.0.1');
    expect(body.headers['x-authmesh-user']).toBeUndefined();
  });

  it('honours X-Forwarded-For only from a trusted peer', async () => {
    const trusting = await gateway();
    const trusted = await (await fetch(`${trusting.url}/api/v3/core/x`, { headers: { 'x-forwarded-for': '198.51.100.4' } })).json();
    expect(trusted.headers['x-authmesh-client-ip']).toBe('198.51.100.4');
    const strict = await gateway({ trusted: ['10.0.0.0/8'] });
    const untrusted = await (
      await fetch(`${strict.url}/api/v3/core/x`, { headers: { 'x-forwarded-for': '198.51.100.4', 'x-forwarded-proto': 'https' } })
    ).json();
    expect(untrusted.headers['x-authmesh-client-ip']).toBe('127.0.0.1');
    expect(untrusted.headers['x-forwarded-proto']).toBe('http');
  });

  it('generates a request id, or keeps a well-formed one from a trusted proxy', async () => {
    const gw = await gateway();
    const generated = await fetch(`${gw.url}/api/v3/core/x`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${gw.url}/api/v3/core/x`, { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const bad = await fetch(`${gw.url}/api/v3/core/x`, { headers: { 'x-request-id': 'has spaces and <tags>' } });
    expect(bad.headers.get('x-request-id')).not.toContain('<');
  });

  it('reports liveness always and readiness from the services', async () => {
    const gw = await gateway();
    expect((await fetch(`${gw.url}/-/health/live/`)).status).toBe(200);
    coreReady.value = false;
    const notReady = await fetch(`${gw.url}/-/health/ready/`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ready: false, checks: { core: false } });
    coreReady.value = true;
    expect((await fetch(`${gw.url}/-/health/ready`)).status).toBe(200);
  });

  it('refuses absurdly long URLs', async () => {
    const gw = await gateway();
    expect((await fetch(`${gw.url}/api/v3/core/${'a'.repeat(9000)}`)).status).toBe(414);
  });
});
