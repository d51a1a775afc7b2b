#!/usr/bin/env node
// authmesh benchmark harness. Every number is a ratio against a reference measured in the
// same run on the same machine, so results compare across machines. See bench/README.md.
import { fork, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './load.mjs';
import { loginLoad, waitForLoginFlow } from './password-login.mjs';
import { clientCredentialsLoad, setUpClient } from './oauth2-client-credentials.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'node_modules', '.bin', 'authmesh');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TOKEN = 'bench-bootstrap-token-0123456789abcdef';
const PASSWORD = 'bench bootstrap password 0123456789';

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startAuthmesh(dir, env) {
  const started = process.hrtime.bigint();
  const child = spawn(bin, ['start'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTHMESH_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = `http://${env.AUTHMESH_LISTEN_HTTP}/-/health/ready/`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`authmesh exited: ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stop = () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
  return { ms, stop };
}

/** Raw jose RS256 signatures/s in their own process (jose from services/oauth2's dependencies). */
function joseSignatures() {
  const child = fork(join(here, 'jose-sign.mjs'), {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.send({ concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: 1 });
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`jose-sign.mjs exited (${code}) without a result: ${stderr.slice(-2000)}`)));
  });
}

/** Raw argon2id verifications/s with authmesh's parameters, in a process with authmesh's environment. */
function argon2Verifications() {
  const child = fork(join(here, 'argon2-verify.mjs'), {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.send({ password: PASSWORD, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: 1 });
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`argon2-verify.mjs exited (${code}) without a result: ${stderr.slice(-2000)}`)));
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'authmesh-bench-'));
  chmodSync(dir, 0o755);
  const [http, grpc, metrics, pg] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const env = {
    AUTHMESH_LISTEN_HTTP: `127.0.0.1:${http}`,
    AUTHMESH_LISTEN_GRPC: `127.0.0.1:${grpc}`,
    AUTHMESH_LISTEN_METRICS: `127.0.0.1:${metrics}`,
    AUTHMESH_EMBEDDED_POSTGRES_PORT: String(pg),
    AUTHMESH_BOOTSTRAP_TOKEN: TOKEN,
    AUTHMESH_BOOTSTRAP_PASSWORD: PASSWORD,
  };
  const rows = [];
  try {
    log('cold start #1 (creates the embedded database)');
    const first = await startAuthmesh(dir, env);
    await first.stop();
    log('cold start #2 (existing data)');
    const second = await startAuthmesh(dir, env);

    log('reference: node -e "" (process start only)');
    const nodeStarted = process.hrtime.bigint();
    await new Promise((resolve) => spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }).on('exit', resolve));
    const nodeMs = Number(process.hrtime.bigint() - nodeStarted) / 1e6;
    rows.push({
      workload: 'cold start to ready, first start (initdb)',
      authmesh: `${first.ms.toFixed(0)} ms`,
      reference: `${nodeMs.toFixed(0)} ms (bare node start)`,
      ratio: first.ms / nodeMs,
    });
    rows.push({
      workload: 'cold start to ready, existing data',
      authmesh: `${second.ms.toFixed(0)} ms`,
      reference: `${nodeMs.toFixed(0)} ms (bare node start)`,
      ratio: second.ms / nodeMs,
    });

    log(`throughput: GET /api/v3/core/users/me/ through the gateway, ${CONCURRENCY} connections, ${SECONDS}s`);
    const me = await load({
      url: `http://${env.AUTHMESH_LISTEN_HTTP}/api/v3/core/users/me/`,
      headers: { authorization: `Bearer ${TOKEN}` },
      concurrency: CONCURRENCY,
      seconds: SECONDS,
    });
    const size = (
      await (
        await fetch(`http://${env.AUTHMESH_LISTEN_HTTP}/api/v3/core/users/me/`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).text()
    ).length;

    log(`throughput: password logins through the default authentication flow, ${CONCURRENCY} clients, ${SECONDS}s`);
    const baseUrl = `http://${env.AUTHMESH_LISTEN_HTTP}`;
    // A failed run must not leave authmesh (and its PostgreSQL) running on a deleted directory.
    let tokens;
    const logins = await waitForLoginFlow(baseUrl)
      .then(() => loginLoad({ baseUrl, username: 'akadmin', password: PASSWORD, concurrency: CONCURRENCY, seconds: SECONDS }))
      .then(async (result) => {
        log(`throughput: client credentials tokens at /application/o/token/, ${CONCURRENCY} clients, ${SECONDS}s`);
        const client = await setUpClient(baseUrl, TOKEN);
        tokens = await clientCredentialsLoad({ baseUrl, ...client, concurrency: CONCURRENCY, seconds: SECONDS });
        return result;
      })
      .finally(second.stop);

    log('reference: bare node:http server in its own process');
    const bare = fork(join(here, 'bare-server.mjs'), {
      env: { ...process.env, BODY_BYTES: String(Math.max(0, size - 60)) },
      stdio: 'ignore',
    });
    const port = await new Promise((resolve) => bare.once('message', (m) => resolve(m.port)));
    const ref = await load({ url: `http://127.0.0.1:${port}/`, concurrency: CONCURRENCY, seconds: SECONDS });
    bare.kill('SIGTERM');
    rows.push({
      workload: 'GET /api/v3/core/users/me/ req/s',
      authmesh: `${me.rps.toFixed(0)} (p50 ${me.p50.toFixed(1)} ms, p99 ${me.p99.toFixed(1)} ms, ${me.errors} errors)`,
      reference: `${ref.rps.toFixed(0)} (bare node:http)`,
      ratio: me.rps / ref.rps,
    });

    log(`reference: argon2id verify in its own process, ${CONCURRENCY} concurrent workers, ${SECONDS}s`);
    const argon2 = await argon2Verifications();
    const { memoryCost, timeCost, parallelism } = argon2.params;
    rows.push({
      workload: 'password login (5 requests) logins/s',
      authmesh: `${logins.rps.toFixed(1)} (p50 ${logins.p50.toFixed(0)} ms, p99 ${logins.p99.toFixed(0)} ms per login)`,
      reference: `${argon2.rps.toFixed(1)} verifications/s (argon2id m=${memoryCost} t=${timeCost} p=${parallelism}, ${argon2.threadPool} pool threads)`,
      ratio: logins.rps / argon2.rps,
      raw: { logins, argon2 },
    });

    log(`reference: jose RS256 signing in its own process, ${CONCURRENCY} concurrent workers, ${SECONDS}s`);
    const jose = await joseSignatures();
    rows.push({
      workload: 'client credentials tokens/s',
      authmesh: `${tokens.rps.toFixed(0)} (p50 ${tokens.p50.toFixed(1)} ms, p99 ${tokens.p99.toFixed(1)} ms)`,
      reference: `${jose.rps.toFixed(0)} RS256 JWT signatures/s (jose, RSA 2048)`,
      ratio: tokens.rps / jose.rps,
      raw: { tokens, jose },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const table = [
    '| workload | authmesh | reference | ratio |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.workload} | ${r.authmesh} | ${r.reference} | ${r.ratio.toFixed(3)} |`),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ seconds: SECONDS, concurrency: CONCURRENCY, rows }, null, 2),
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
