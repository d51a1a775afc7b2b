import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { createTestDatabase, FlowBrowser, freePort, type TestDatabase } from '@authmesh/testing';
import { flowTarget, logIn } from '../oauth2/oauth2-support.js';
import { apiClient, readinessBecomes, runAuthmesh, waitReady, type AuthmeshProcess } from '../support/authmesh-process.js';

const TOKEN = 'mesh-bootstrap-token-0123456789abcdef';
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * The mesh: each service its own process (`--target`), sharing the machine's PostgreSQL
 * and NATS, with the gateway in front. Events published by core while the events process
 * is down are persisted once it is back (JetStream keeps them).
 */
describe('authmesh as a mesh of processes', () => {
  let db: TestDatabase;
  let dir: string;
  const procs = new Map<string, AuthmeshProcess>();
  const ports: Record<string, { http: number; grpc: number; metrics: number }> = {};
  let common: Record<string, string>;

  const envFor = (service: string) => ({
    ...common,
    AUTHMESH_LISTEN_HTTP: `127.0.0.1:${ports[service].http}`,
    AUTHMESH_LISTEN_GRPC: `127.0.0.1:${ports[service].grpc}`,
    AUTHMESH_LISTEN_METRICS: `127.0.0.1:${ports[service].metrics}`,
  });

  const start = async (service: string) => {
    const proc = runAuthmesh(['start', '--target', service], envFor(service), dir, ports[service].http);
    procs.set(service, proc);
    await waitReady(proc, 60_000);
    return proc;
  };

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_mesh');
    dir = mkdtempSync(join(tmpdir(), 'authmesh-mesh-'));
    for (const service of ['core', 'events', 'flows', 'oauth2', 'gateway']) {
      ports[service] = { http: await freePort(), grpc: await freePort(), metrics: await freePort() };
    }
    common = {
      DATABASE_URL: db.url,
      NATS_URL,
      AUTHMESH_SECRET_KEY: 'mesh-e2e-secret-key-that-is-long-enough-0123',
      AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
      AUTHMESH_CORE_GRPC: `127.0.0.1:${ports.core.grpc}`,
      AUTHMESH_EVENTS_GRPC: `127.0.0.1:${ports.events.grpc}`,
      AUTHMESH_FLOWS_GRPC: `127.0.0.1:${ports.flows.grpc}`,
      AUTHMESH_OAUTH2_GRPC: `127.0.0.1:${ports.oauth2.grpc}`,
      AUTHMESH_CORE_HTTP: `http://127.0.0.1:${ports.core.http}`,
      AUTHMESH_EVENTS_HTTP: `http://127.0.0.1:${ports.events.http}`,
      AUTHMESH_FLOWS_HTTP: `http://127.0.0.1:${ports.flows.http}`,
      AUTHMESH_OAUTH2_HTTP: `http://127.0.0.1:${ports.oauth2.http}`,
    };
    await start('core');
    await start('events');
    await start('flows');
    await start('oauth2');
    await start('gateway');
  });

  afterAll(async () => {
    for (const proc of procs.values()) await proc.stop();
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const gateway = () => apiClient(procs.get('gateway')!.baseUrl, TOKEN);

  it('routes the API through the gateway to core and events', async () => {
    const me = await gateway()('GET', '/api/v3/core/users/me/');
    expect(me.body.user.username).toBe('akadmin');
    const events = await gateway()('GET', '/api/v3/events/events/');
    expect(events.status).toBe(200);
  });

  it('reports readiness of every service through the gateway', async () => {
    const res = await fetch(`${procs.get('gateway')!.baseUrl}/-/health/ready/`);
    expect(await res.json()).toEqual({ ready: true, checks: { core: true, events: true, flows: true, oauth2: true } });
  });

  it('persists an event published while the events process was down', async () => {
    const stopped = await procs.get('events')!.stop();
    expect(stopped.code).toBe(0);
    expect(await readinessBecomes(procs.get('gateway')!.baseUrl, 503)).toBe(503);

    const created = await gateway()('POST', '/api/v3/core/users/', { username: 'mesh-bob' });
    expect(created.status).toBe(201);

    await start('events');
    let found;
    for (let i = 0; i < 100 && !found; i++) {
      const events = await gateway()('GET', '/api/v3/events/events/?action=model_created&context_model_name=user');
      found = events.body?.results?.find((e: any) => e.context.model.name === 'mesh-bob');
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toMatchObject({ action: 'model_created', user: { username: 'akadmin' } });
  });

  it('keeps the client IP resolved by the gateway and ignores a spoofed one', async () => {
    const res = await fetch(`${procs.get('gateway')!.baseUrl}/api/v3/core/groups/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-authmesh-client-ip': '203.0.113.66' },
      body: JSON.stringify({ name: 'mesh-group' }),
    });
    expect(res.status).toBe(201);
    let found;
    for (let i = 0; i < 100 && !found; i++) {
      const events = await gateway()('GET', '/api/v3/events/events/?action=model_created&context_model_name=group');
      found = events.body?.results?.find((e: any) => e.context.model.name === 'mesh-group');
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found.client_ip).toBe('127.0.0.1');
  });

  it('notifies across processes: core holds the rule, flows decides it, events delivers', async () => {
    const api = gateway();
    const admins = (await api('GET', '/api/v3/core/groups/?name=authmesh%20Admins')).body.results[0];
    const local = (await api('GET', '/api/v3/events/transports/?name=default-local-transport')).body.results[0];
    // The transport test goes from core to the events process.
    expect((await api('POST', `/api/v3/events/transports/${local.pk}/test/`)).status).toBe(200);
    const rule = await api('POST', '/api/v3/events/rules/', { name: 'mesh groups', group: admins.pk, transports: [local.pk] });
    const policy = await api('POST', '/api/v3/policies/event_matcher/', {
      name: 'mesh group created',
      action: 'model_created',
      model: 'authentik_core.group',
    });
    expect((await api('POST', '/api/v3/policies/bindings/', { policy: policy.body.pk, target: rule.body.pk, order: 0 })).status).toBe(201);
    expect((await api('POST', '/api/v3/core/groups/', { name: 'mesh-notified' })).status).toBe(201);
    let mine: Array<{ body: string; event: { context: { model?: { name?: string } } } | null }> = [];
    for (let i = 0; i < 150 && !mine.some((n) => n.event?.context.model?.name === 'mesh-notified'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      mine = (await api('GET', '/api/v3/events/notifications/')).body.results;
    }
    expect(mine.find((n) => n.event?.context.model?.name === 'mesh-notified')).toBeDefined();
    // The test notification arrived too, without an event.
    expect(mine.some((n) => n.event === null)).toBe(true);
  });

  it('connects a device: the flows process settles the code in the oauth2 process over gRPC', async () => {
    const api = gateway();
    const base = procs.get('gateway')!.baseUrl;
    const me = (await api('GET', '/api/v3/core/users/me/')).body.user;
    await api('POST', `/api/v3/core/users/${me.pk}/set_password/`, { password: 'mesh admin password 1' });
    const consent = 'default-provider-authorization-explicit-consent';
    for (let i = 0; i < 100 && (await api('GET', `/api/v3/flows/instances/${consent}/`)).status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const provider = await api('POST', '/api/v3/providers/oauth2/', {
      name: 'Mesh TV',
      authorization_flow: (await api('GET', `/api/v3/flows/instances/${consent}/`)).body.pk,
      redirect_uris: [],
      property_mappings: (await api('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results.map(
        (m: { pk: string }) => m.pk,
      ),
      sub_mode: 'user_username',
    });
    expect(provider.status).toBe(201);
    expect((await api('POST', '/api/v3/core/applications/', { name: 'Mesh TV', slug: 'mesh-tv', provider: provider.body.pk })).status).toBe(
      201,
    );
    const tv = await oidc.discovery(
      new URL(`${base}/application/o/mesh-tv/`),
      provider.body.client_id,
      provider.body.client_secret,
      undefined,
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    const device = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid' });
    const browser = new FlowBrowser(base);
    await logIn(browser, 'default-authentication-flow', '', 'akadmin', 'mesh admin password 1');
    const opened = await browser.request('GET', (device.verification_uri_complete as string).slice(base.length));
    const flow = flowTarget(opened.headers.get('location') as string)!;
    const wrong = await browser.submit(flow.slug, { code: 'BCDF-GHJK' }, flow.query);
    expect(wrong.challenge.response_errors.code).toHaveLength(1);
    const accepted = await browser.submit(flow.slug, { code: device.user_code }, flow.query);
    expect(accepted.challenge.to).toBe(`/if/flow/${consent}/`);
    const asked = await browser.start(consent);
    const finished = await browser.submit(consent, { token: asked.token });
    expect(finished.challenge.component).toBe('ak-provider-oauth2-device-code-finish');
    const tokens = await oidc.pollDeviceAuthorizationGrant(tv, device);
    expect(tokens.access_token).toBeTruthy();
  }, 60_000);
});
