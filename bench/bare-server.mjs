// The reference for throughput: a bare node:http server answering a JSON body of the same
// size as /api/v3/core/users/me/, with no framework, database or authentication.
import http from 'node:http';

const body = JSON.stringify({ user: { pk: 1, username: 'akadmin', padding: 'x'.repeat(Number(process.env.BODY_BYTES ?? 400)) } });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
