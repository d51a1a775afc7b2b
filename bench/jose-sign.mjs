// The reference for client credentials tokens, run as its own process: `concurrency`
// workers sign RS256 JWTs with jose back to back for `seconds`, with a 2048-bit RSA key
// (the key type and size the bench provider signs with), claims shaped like an access token.
import { generateKeyPair, SignJWT } from 'jose';

process.once('message', async ({ concurrency, seconds, warmupSeconds }) => {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const sign = () =>
    new SignJWT({ scope: 'openid email', client_id: 'bench', jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
      .setIssuer('http://127.0.0.1/application/o/bench/')
      .setAudience('bench')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const run = async (durationMs, record) => {
    const deadline = Date.now() + durationMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) {
          const started = process.hrtime.bigint();
          await sign();
          record(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }),
    );
  };
  await run(warmupSeconds * 1000, () => {});
  const latencies = [];
  const started = Date.now();
  await run(seconds * 1000, (ms) => latencies.push(ms));
  const elapsed = (Date.now() - started) / 1000;
  process.send({ signatures: latencies.length, seconds: elapsed, rps: latencies.length / elapsed });
  process.disconnect();
});
