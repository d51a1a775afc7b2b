// A small closed-loop HTTP load generator: `concurrency` workers send requests back to back
// over keep-alive connections for `seconds`, and the count of 2xx answers is reported.
import http from 'node:http';

/** Runs the load and resolves with { requests, errors, seconds, rps, p50, p99 } (ms). */
export async function load({ url, headers = {}, concurrency = 16, seconds = 5, warmupSeconds = 1 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const once = () =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ ok: res.statusCode >= 200 && res.statusCode < 300, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
          );
        },
      );
      req.on('error', () => resolve({ ok: false, ms: 0 }));
      req.end();
    });
  const run = async (durationMs, record) => {
    const deadline = Date.now() + durationMs;
    const worker = async () => {
      while (Date.now() < deadline) record(await once());
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmupSeconds * 1000, () => {});
  const latencies = [];
  let errors = 0;
  const started = Date.now();
  await run(seconds * 1000, (r) => (r.ok ? latencies.push(r.ms) : errors++));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, seconds: elapsed, rps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99) };
}
