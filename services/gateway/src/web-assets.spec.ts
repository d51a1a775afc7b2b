import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@authmesh/config';
import type { RunningService } from '@authmesh/runtime';
import { capturingLogger, echo, fakeContext, fakeService, rawGet, readJson, serve, type Served } from '../test/gateway.harness.js';
import { defineGatewayService } from './gateway.service.js';

const PAGE =
  '<!doctype html><html><head><script type="module" src="/static/dist/assets/app-1a2b3c4d.js"></script></head><body></body></html>';

describe('gateway web interface', () => {
  let base: string;
  let root: string;
  const opened: Served[] = [];
  const running: RunningService[] = [];

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'authmesh-web-'));
    root = join(base, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    // Beside the build, where a path escaping the build folder would land.
    writeFileSync(join(base, 'secret.txt'), 'not for the web');
    writeFileSync(join(root, 'index.html'), PAGE);
    writeFileSync(join(root, 'assets', 'app-1a2b3c4d.js'), 'console.log("app");');
    writeFileSync(join(root, 'assets', 'style-9z8y7x6w.css'), 'body{}');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    mkdirSync(join(root, 'assets', 'icons'));
    writeFileSync(join(root, 'assets', 'icons', 'icon_left_brand.svg'), '<svg/>');
  });
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    for (const server of opened.splice(0)) await server.close();
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  async function start(webRoot = root) {
    const logs = capturingLogger();
    const local = new Map<ServiceName, RunningService>([
      ['core', fakeService('core', { handler: echo('core') })],
      ['flows', fakeService('flows', { handler: echo('flows') })],
      ['events', fakeService('events', { handler: echo('events') })],
    ]);
    const gateway = await defineGatewayService({ webRoot }).start(fakeContext({ local, logger: logs.logger }));
    running.push(gateway);
    const served = await serve(gateway.http!.handler as RequestListener);
    opened.push(served);
    return { url: served.url, logs };
  }

  it('answers the SPA page for the flow, user and admin interfaces, never cached, with a strict CSP', async () => {
    const { url } = await start();
    for (const path of ['/if/flow/default-authentication-flow/', '/if/flow/x/?next=%2F', '/if/user/', '/if/admin/', '/if/user/settings/']) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(PAGE);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'[^;]*;/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('serves hashed build files with a long cache and their content type, other files revalidated', async () => {
    const { url } = await start();
    const js = await fetch(`${url}/static/dist/assets/app-1a2b3c4d.js`);
    expect(js.status).toBe(200);
    expect(await js.text()).toBe('console.log("app");');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await fetch(`${url}/static/dist/assets/style-9z8y7x6w.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await fetch(`${url}/static/dist/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    // Files kept under a fixed name (the default brand logo) are revalidated, never cached for a year.
    const logo = await fetch(`${url}/static/dist/assets/icons/icon_left_brand.svg`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('cache-control')).toBe('no-cache');
    const head = await fetch(`${url}/static/dist/assets/app-1a2b3c4d.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log("app");'.length));
  });

  it('answers 404 for missing files and never leaves the build folder', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/static/dist/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/static/dist/assets/`)).status).toBe(404);
    expect(await rawGet(url, '/static/dist/..%2fsecret.txt')).toBe(404);
    expect(await rawGet(url, '/static/dist/assets/..%2f..%2fsecret.txt')).toBe(404);
    expect(await rawGet(url, '/static/dist/index.html')).toBe(404);
    expect(await rawGet(url, '/static/dist/%2e%2e/index.html')).toBe(400);
    expect(await rawGet(url, '/static/dist/assets%2f..%2f..%2fetc%2fpasswd')).toBe(404);
    expect(await rawGet(url, '/static/dist/%E0%A4%A')).toBe(400);
  });

  it('redirects / to the user interface and an interface without its slash to the slash form', async () => {
    const { url } = await start();
    const home = await fetch(`${url}/`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/if/user/');
    const user = await fetch(`${url}/if/user?x=1`, { redirect: 'manual' });
    expect(user.status).toBe(302);
    expect(user.headers.get('location')).toBe('/if/user/?x=1');
  });

  it('refuses methods other than GET and HEAD on web paths', async () => {
    const { url } = await start();
    const post = await fetch(`${url}/if/user/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${url}/static/dist/assets/app-1a2b3c4d.js`, { method: 'DELETE' })).status).toBe(405);
  });

  it('leaves API and other paths as they were', async () => {
    const { url } = await start();
    expect((await readJson(await fetch(`${url}/api/v3/core/users/`))).service).toBe('core');
    expect((await readJson(await fetch(`${url}/flows/-/default/authentication/`))).service).toBe('flows');
    const unknown = await fetch(`${url}/ifx/user/`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: 'Not found.' });
    expect((await fetch(`${url}/static/other/file.js`)).status).toBe(404);
  });

  it('answers 503 with a hint when the web interface is not built, and warns once', async () => {
    const { url, logs } = await start(join(root, 'nowhere'));
    const first = await fetch(`${url}/if/user/`);
    expect(first.status).toBe(503);
    expect(((await first.json()) as { detail: string }).detail).toContain('npm run build');
    expect((await fetch(`${url}/if/flow/x/`)).status).toBe(503);
    expect(logs.lines.filter((l) => l.msg === 'web interface not built: /if/ pages answer 503')).toHaveLength(1);
  });
});
