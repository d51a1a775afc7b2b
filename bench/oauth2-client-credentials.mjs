// Client credentials token throughput: closed-loop POSTs to /application/o/token/ through the
// gateway by `concurrency` clients, each with HTTP Basic client authentication. Every answer
// must carry an access token; any other answer stops the run.
import http from 'node:http';

const api = (baseUrl, token) => async (method, path, body) => {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

/** Creates an application with an RS256-signing OAuth2 provider; resolves with its client credentials. */
export async function setUpClient(baseUrl, token) {
  const call = api(baseUrl, token);
  let flow;
  for (let i = 0; i < 200 && !flow; i++) {
    flow = (await call('GET', '/api/v3/flows/instances/default-provider-authorization-implicit-consent/')).body?.pk;
    if (!flow) await new Promise((r) => setTimeout(r, 100));
  }
  const scopes = (await call('GET', '/api/v3/propertymappings/scope/?managed__isnull=false')).body.results.map((m) => m.pk);
  const key = await call('POST', '/api/v3/crypto/certificatekeypairs/generate/', {
    common_name: 'bench-oauth2',
    subject_alt_name: '',
    validity_days: 30,
    alg: 'rsa',
  });
  const provider = await call('POST', '/api/v3/providers/oauth2/', {
    name: 'bench',
    authorization_flow: flow,
    signing_key: key.body.pk,
    property_mappings: scopes,
  });
  if (provider.status !== 201) throw new Error(`creating the provider failed: ${JSON.stringify(provider.body)}`);
  await call('POST', '/api/v3/core/applications/', { name: 'bench', slug: 'bench', provider: provider.body.pk });
  return { clientId: provider.body.client_id, clientSecret: provider.body.client_secret };
}

/** Runs the load; resolves with { requests, errors, seconds, rps, p50, p99 } (ms). */
export async function clientCredentialsLoad({ baseUrl, clientId, clientSecret, concurrency = 16, seconds = 5, warmupSeconds = 1 }) {
  const target = new URL('/application/o/token/', baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const body = 'grant_type=client_credentials&scope=openid%20email';
  const headers = {
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
  };
  const once = () =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            if (res.statusCode !== 200 || !JSON.parse(text).access_token)
              reject(new Error(`token request answered ${res.statusCode}: ${text}`));
            else resolve(Number(process.hrtime.bigint() - started) / 1e6);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const run = async (durationMs, record) => {
    const deadline = Date.now() + durationMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) record(await once());
      }),
    );
  };
  await run(warmupSeconds * 1000, () => {});
  const latencies = [];
  const started = Date.now();
  await run(seconds * 1000, (ms) => latencies.push(ms));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors: 0, seconds: elapsed, rps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99) };
}
