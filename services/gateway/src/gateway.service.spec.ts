import type { RequestListener } from 'node:http';
import { Registry, type Histogram } from 'prom-client';
import type { ServiceName } from '@authmesh/config';
import type { RunningService } from '@authmesh/runtime';
import { capturingLogger, deadUrl, echo, fakeContext, fakeService, rawGet, readJson, serve, type Served } from '../test/gateway.harness.js';
import { defineGatewayService, gatewayService } from './gateway.service.js';

describe('gateway service', () => {
  let remote: Served;
  let remoteReady = true;
  const opened: Array<{ close(): Promise<void> }> = [];
  const running: RunningService[] = [];

  beforeAll(async () => {
    const remoteEcho = echo('flows');
    remote = await serve((req, res) => {
      if (req.url === '/-/health/ready/') {
        res.writeHead(remoteReady ? 200 : 503).end();
        return;
      }
      remoteEcho(req, res);
    });
  });
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    for (const server of opened.splice(0)) await server.close();
    remoteReady = true;
  });
  afterAll(() => remote.close());

  /** Starts the gateway with local core and events (echoing) and flows remote, and serves it. */
  async function start(
    options: {
      trusted?: string[];
      flowsUrl?: string | null;
      local?: Map<ServiceName, RunningService>;
      metrics?: Registry;
      service?: typeof gatewayService;
    } = {},
  ) {
    const logs = capturingLogger();
    const local =
      options.local ??
      new Map<ServiceName, RunningService>([
        ['core', fakeService('core', { handler: echo('core') })],
        ['events', fakeService('events', { handler: echo('events') })],
        ['oauth2', fakeService('oauth2', { handler: echo('oauth2') })],
      ]);
    const flowsUrl = options.flowsUrl === undefined ? remote.url : options.flowsUrl;
    const ctx = fakeContext({
      local,
      http: flowsUrl ? { flows: flowsUrl } : {},
      trusted: options.trusted,
      logger: logs.logger,
      metrics: options.metrics,
    });
    const gateway = await (options.service ?? gatewayService).start(ctx);
    running.push(gateway);
    const served = await serve(gateway.http!.handler as RequestListener);
    opened.push(served);
    return { url: served.url, gateway, logs };
  }

  const json = async (response: Response) => ({ status: response.status, body: await readJson(response) });

  describe('routing', () => {
    it('sends each path to the service with the longest matching prefix', async () => {
      const gw = await start();
      expect((await json(await fetch(`${gw.url}/api/v3/events/events/`))).body.service).toBe('events');
      expect((await json(await fetch(`${gw.url}/api/v3/core/users/`))).body.service).toBe('core');
      expect((await json(await fetch(`${gw.url}/api/v3/eventsx/`))).body.service).toBe('core');
      expect((await json(await fetch(`${gw.url}/api/v3/flows/executor/default/`))).body.service).toBe('flows');
      expect((await json(await fetch(`${gw.url}/flows/-/default/authentication/`))).body.service).toBe('flows');
    });

    it('proxies to a remote service keeping method, path, query and body', async () => {
      const gw = await start();
      const payload = JSON.stringify({ uid_field: 'akadmin', note: 'ü'.repeat(5000) });
      const { status, body } = await json(
        await fetch(`${gw.url}/api/v3/flows/executor/default-authentication/?query=next%3D%2F&x=1`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: payload,
        }),
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        service: 'flows',
        method: 'PUT',
        url: '/api/v3/flows/executor/default-authentication/?query=next%3D%2F&x=1',
      });
      expect(body.body).toBe(payload);
      expect(body.headers.host).toBe(new URL(gw.url).host);
    });

    it('answers 502 JSON when the remote service is down, and keeps serving', async () => {
      const gw = await start({ flowsUrl: await deadUrl() });
      const down = await fetch(`${gw.url}/api/v3/flows/executor/x/`);
      expect(down.status).toBe(502);
      expect(await readJson(down)).toEqual({ detail: 'Upstream service unavailable.' });
      expect((await fetch(`${gw.url}/api/v3/core/users/`)).status).toBe(200);
    });

    it('answers 502 when a remote service stops answering mid-request', async () => {
      const silent = await serve(() => undefined);
      opened.push(silent);
      const gw = await start({ flowsUrl: silent.url, service: defineGatewayService({ remote: { responseTimeoutMs: 200 } }) });
      const res = await fetch(`${gw.url}/flows/x/`);
      expect(res.status).toBe(502);
      expect(await readJson(res)).toEqual({ detail: 'Upstream service unavailable.' });
    });

    it('survives a client that hangs up while a remote service is still answering', async () => {
      let reached: () => void = () => undefined;
      const upstreamReached = new Promise<void>((resolve) => (reached = resolve));
      const slow = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        reached();
      });
      opened.push(slow);
      const gw = await start({ flowsUrl: slow.url });
      const aborted = new AbortController();
      const pending = fetch(`${gw.url}/flows/x/`, { signal: aborted.signal }).then((res) => res.text());
      await upstreamReached;
      aborted.abort();
      await expect(pending).rejects.toThrow();
      expect((await fetch(`${gw.url}/-/health/live/`)).status).toBe(200);
    });

    it('answers 404 JSON for a path no service owns', async () => {
      const gw = await start();
      const res = await fetch(`${gw.url}/nothing/here/`);
      expect(res.status).toBe(404);
      expect(await readJson(res)).toEqual({ detail: 'Not found.' });
    });

    it('answers 503 without naming internals when the owning service is not deployed', async () => {
      const gw = await start({ flowsUrl: null });
      const res = await fetch(`${gw.url}/flows/-/default/`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text).detail).toEqual(expect.any(String));
      expect(text).not.toMatch(/flows|127\.0\.0\.1|AUTHMESH/i);
    });

    it('answers 500 when a local handler throws, and keeps serving', async () => {
      const local = new Map<ServiceName, RunningService>([
        [
          'core',
          fakeService('core', {
            handler: () => {
              throw new Error('boom');
            },
          }),
        ],
      ]);
      const gw = await start({ local });
      expect((await fetch(`${gw.url}/api/v3/core/users/`)).status).toBe(500);
      expect((await fetch(`${gw.url}/-/health/live/`)).status).toBe(200);
    });

    it('refuses an absurdly long path with 414 and dot segments with 400 before routing', async () => {
      const gw = await start();
      expect((await fetch(`${gw.url}/api/v3/core/${'a'.repeat(9000)}`)).status).toBe(414);
      expect(await rawGet(gw.url, '/api/v3/events/%2e%2e/core/users/')).toBe(400);
      expect(await rawGet(gw.url, '/api/v3/events/../core/users/')).toBe(400);
    });
  });

  describe('headers', () => {
    it('replaces client-supplied x-authmesh-* headers with the resolved client IP, locally and remotely', async () => {
      const gw = await start();
      const headers = { 'x-authmesh-client-ip': '6.6.6.6', 'x-authmesh-user': 'akadmin' };
      for (const path of ['/api/v3/core/x/', '/flows/x/']) {
        const { body } = await json(await fetch(`${gw.url}${path}`, { headers }));
        expect(body.headers['x-authmesh-client-ip']).toBe('127.0.0.1');
        expect(body.headers['x-authmesh-user']).toBeUndefined();
        expect(body.rawHeaders).not.toContain('6.6.6.6');
        expect(body.rawHeaders).not.toContain('akadmin');
      }
    });

    it('honours X-Forwarded-For, -Proto and -Host from a trusted peer', async () => {
      const gw = await start({ trusted: ['127.0.0.0/8'] });
      const { body } = await json(
        await fetch(`${gw.url}/api/v3/core/x/`, {
          headers: { 'x-forwarded-for': '198.51.100.4', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'id.example.com' },
        }),
      );
      expect(body.headers).toMatchObject({
        'x-authmesh-client-ip': '198.51.100.4',
        'x-forwarded-for': '198.51.100.4',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'id.example.com',
      });
    });

    it('ignores X-Forwarded-* from a peer outside the trusted networks', async () => {
      const gw = await start({ trusted: ['10.0.0.0/8'] });
      const { body } = await json(
        await fetch(`${gw.url}/flows/x/`, {
          headers: {
            'x-forwarded-for': '198.51.100.4',
            'x-forwarded-proto': 'https',
            'x-forwarded-host': 'evil.example',
            'x-real-ip': '198.51.100.4',
          },
        }),
      );
      expect(body.headers).toMatchObject({
        'x-authmesh-client-ip': '127.0.0.1',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-host': new URL(gw.url).host,
      });
      expect(body.headers['x-real-ip']).toBeUndefined();
    });

    it('generates a request id and returns it to the client and the service', async () => {
      const gw = await start();
      const res = await fetch(`${gw.url}/api/v3/core/x/`);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((await readJson(res)).headers['x-request-id']).toBe(id);
    });

    it('keeps a well-formed request id only from a trusted peer', async () => {
      const trusting = await start();
      const kept = await fetch(`${trusting.url}/flows/x/`, { headers: { 'x-request-id': 'edge-123.a_b' } });
      expect(kept.headers.get('x-request-id')).toBe('edge-123.a_b');
      expect((await readJson(kept)).headers['x-request-id']).toBe('edge-123.a_b');
      const malformed = await fetch(`${trusting.url}/api/v3/core/x/`, { headers: { 'x-request-id': 'has spaces <b>' } });
      expect(malformed.headers.get('x-request-id')).not.toBe('has spaces <b>');

      const strict = await start({ trusted: ['10.0.0.0/8'] });
      const ignored = await fetch(`${strict.url}/api/v3/core/x/`, { headers: { 'x-request-id': 'edge-123' } });
      expect(ignored.headers.get('x-request-id')).not.toBe('edge-123');
    });
  });

  describe('health', () => {
    it('answers live with 200 even when services are not ready', async () => {
      const local = new Map<ServiceName, RunningService>([['core', fakeService('core', { ready: () => false })]]);
      const gw = await start({ local });
      for (const path of ['/-/health/live/', '/-/health/live']) {
        const res = await fetch(`${gw.url}${path}`);
        expect(res.status).toBe(200);
        expect(await readJson(res)).toEqual({ status: 'ok' });
      }
    });

    it('answers ready 200 with every routed service checked when all are ready', async () => {
      const gw = await start();
      const res = await fetch(`${gw.url}/-/health/ready/`);
      expect(res.status).toBe(200);
      expect(await readJson(res)).toEqual({ ready: true, checks: { core: true, events: true, flows: true, oauth2: true } });
    });

    it('answers ready 503 when a local service is not ready', async () => {
      const local = new Map<ServiceName, RunningService>([
        ['core', fakeService('core', { handler: echo('core') })],
        ['events', fakeService('events', { handler: echo('events'), ready: () => false })],
        ['oauth2', fakeService('oauth2', { handler: echo('oauth2') })],
      ]);
      const gw = await start({ local });
      const res = await fetch(`${gw.url}/-/health/ready`);
      expect(res.status).toBe(503);
      expect(await readJson(res)).toEqual({ ready: false, checks: { core: true, events: false, flows: true, oauth2: true } });
      expect((await gw.gateway.readiness()).ready).toBe(false);
    });

    it('answers ready 503 when a remote service is not ready or not configured', async () => {
      remoteReady = false;
      const unready = await start();
      expect((await json(await fetch(`${unready.url}/-/health/ready/`))).body.checks.flows).toBe(false);
      const absent = await start({ flowsUrl: null });
      const res = await fetch(`${absent.url}/-/health/ready/`);
      expect(res.status).toBe(503);
      expect((await readJson(res)).checks).toEqual({ core: true, events: true, flows: false, oauth2: true });
    });

    it('answers HEAD on the health paths without a body', async () => {
      const gw = await start();
      const res = await fetch(`${gw.url}/-/health/ready/`, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      expect((await fetch(`${gw.url}/-/health/live/`, { method: 'POST' })).status).toBe(405);
    });
  });

  describe('metrics and logs', () => {
    it('counts requests by route prefix and status', async () => {
      const metrics = new Registry();
      const gw = await start({ metrics });
      await (await fetch(`${gw.url}/api/v3/events/x/`)).text();
      await (await fetch(`${gw.url}/api/v3/events/y/`)).text();
      await (await fetch(`${gw.url}/nope/`)).text();
      const counter = await metrics.getSingleMetric('authmesh_gateway_requests_total')!.get();
      const count = (route: string, status: string) =>
        counter.values.find((v) => v.labels.route === route && v.labels.status === status)?.value;
      expect(count('/api/v3/events/', '200')).toBe(2);
      expect(count('none', '404')).toBe(1);
      const histogram = await (metrics.getSingleMetric('authmesh_gateway_request_duration_seconds') as Histogram).get();
      expect(histogram.values.some((v) => v.labels.route === '/api/v3/events/' && v.metricName?.endsWith('_count') && v.value === 2)).toBe(
        true,
      );
    });

    it('writes one debug line per request and never the Authorization or Cookie headers', async () => {
      const gw = await start();
      const res = await fetch(`${gw.url}/api/v3/core/users/?search=x`, {
        headers: { authorization: 'Bearer s3cr3t-token', cookie: 'authmesh_session=c00kie' },
      });
      const id = res.headers.get('x-request-id');
      await res.text();
      await new Promise((resolve) => setImmediate(resolve));
      const lines = gw.logs.lines.filter((line) => line.msg === 'gateway request');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'debug',
        method: 'GET',
        path: '/api/v3/core/users/',
        route: '/api/v3/',
        status: '200',
        request_id: id,
      });
      expect(gw.logs.text()).not.toMatch(/s3cr3t|c00kie/);
    });
  });
});
