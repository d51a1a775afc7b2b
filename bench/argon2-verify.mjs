// The reference for password logins, run as its own process (forked by run.mjs with the same
// environment authmesh gets, so libuv's thread pool has the same size): `concurrency`
// workers call argon2 `verify` back to back for `seconds` on a hash made with the parameters
// authmesh's PasswordHasher uses, read from the built @authmesh/crypto so they cannot drift.
import { hash, verify } from '@node-rs/argon2';
import { DEFAULT_ARGON2 } from '@authmesh/crypto';

// `Algorithm.Argon2id` of @node-rs/argon2 (a const enum in its typings, no runtime object).
const ARGON2ID = 2;

process.once('message', async ({ password, concurrency, seconds, warmupSeconds }) => {
  const phc = await hash(password, { algorithm: ARGON2ID, ...DEFAULT_ARGON2 });
  if (!(await verify(phc, password))) throw new Error('argon2 verify rejected its own hash');
  let failed = 0;
  const run = async (durationMs, record) => {
    const deadline = Date.now() + durationMs;
    const worker = async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        if (await verify(phc, password)) record(Number(process.hrtime.bigint() - started) / 1e6);
        else failed++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmupSeconds * 1000, () => {});
  const latencies = [];
  const started = Date.now();
  await run(seconds * 1000, (ms) => latencies.push(ms));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  process.send({
    verifications: latencies.length,
    failed,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    params: { ...DEFAULT_ARGON2 },
    threadPool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
  });
  process.disconnect();
});
