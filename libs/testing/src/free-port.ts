import { createServer, type AddressInfo } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (another process may still take it). */
export async function freePort(): Promise<number> {
  // The system may hand the same port out again once it is closed; a test asking for several
  // ports (HTTP, gRPC, metrics) must get different ones, so a port is never answered twice.
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await unusedPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port found that was not handed out already');
}

/** Ports this process has answered already. */
const handedOut = new Set<number>();

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
