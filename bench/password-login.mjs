// Password logins through the default authentication flow, as the flow interface does them:
// `concurrency` clients, each with its own cookie jar, log in back to back for `seconds`.
// One login = GET (identification), POST username + GET, POST password + GET (redirect).
import http from 'node:http';

const FLOW_PATH = '/api/v3/flows/executor/default-authentication-flow/?query=';

/**
 * Waits until the default authentication flow shows its first stage (the built-in blueprints
 * are applied while authmesh starts). Only GETs, so no login attempt is charged.
 */
export async function waitForLoginFlow(baseUrl, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}${FLOW_PATH}`);
      if (res.status === 200 && (await res.json()).component === 'ak-stage-identification') return;
    } catch {}
    if (Date.now() > deadline) throw new Error('the default authentication flow never showed its identification stage');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs closed-loop logins and resolves with { logins, seconds, rps, p50, p99 } (ms per login).
 * Any unexpected answer stops every client and rejects: the password is right, so a surprise
 * is a bug, and carrying on could pile up failed logins (which lower the user's reputation).
 */
export async function loginLoad({ baseUrl, username, password, concurrency = 16, seconds = 5, warmupSeconds = 1 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(baseUrl);
  let failure = null;
  const run = async (durationMs, record) => {
    const deadline = Date.now() + durationMs;
    const client = async () => {
      while (!failure && Date.now() < deadline) {
        const started = process.hrtime.bigint();
        try {
          await loginOnce({ agent, target, username, password });
        } catch (error) {
          failure ??= error;
          return;
        }
        record(Number(process.hrtime.bigint() - started) / 1e6);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
  };
  try {
    await run(warmupSeconds * 1000, () => {});
    const latencies = [];
    const started = Date.now();
    await run(seconds * 1000, (ms) => latencies.push(ms));
    const elapsed = (Date.now() - started) / 1000;
    if (failure) throw failure;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { logins: latencies.length, seconds: elapsed, rps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99) };
  } finally {
    agent.destroy();
  }
}

/** One full login with a fresh cookie jar, as a new browser session does it; throws on any surprise. */
async function loginOnce({ agent, target, username, password }) {
  const jar = new Map();
  const send = (method, path, body) => request({ agent, target, jar, method, path, body });

  const first = await send('GET', FLOW_PATH);
  expect(first, 200, 'ak-stage-identification', 'GET identification');
  expect(await follow(send, await send('POST', FLOW_PATH, { uid_field: username })), 200, 'ak-stage-password', 'POST username');
  const done = await follow(send, await send('POST', FLOW_PATH, { password }));
  expect(done, 200, 'xak-flow-redirect', 'POST password');
  if (!jar.has('authmesh_session')) throw new Error('login finished without an authmesh_session cookie');
}

/** Follows the executor's 302 with a GET, as the flow interface does. */
async function follow(send, posted) {
  if (posted.status !== 302) throw new Error(`expected a 302 after the POST, got ${posted.status}: ${posted.text.slice(0, 300)}`);
  const location = new URL(posted.headers.location ?? '', 'http://placeholder');
  return send('GET', location.pathname + location.search);
}

function expect(answer, status, component, step) {
  if (answer.status !== status || answer.json?.component !== component) {
    throw new Error(`${step}: expected ${status} ${component}, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  }
}

function request({ agent, target, jar, method, path, body }) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = {};
  if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, method, path, agent, headers }, (res) => {
      for (const line of res.headers['set-cookie'] ?? []) storeCookie(jar, line);
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {}
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Sets, replaces or expires a cookie the way a browser does (the subset the executor uses). */
function storeCookie(jar, line) {
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq);
  const value = pair.slice(eq + 1);
  if (value === '' || attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
  else jar.set(name, value);
}
