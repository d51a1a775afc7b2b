import dnsPromises from 'node:dns/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundClient } from './outbound.client.js';
import { OutboundRequestError } from './outbound-request.error.js';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Served {
  port: number;
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

const running: Served[] = [];

/** A node:http server on 127.0.0.1 that records each request before `handler` answers it; closed after each test. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Served> {
  const seen: Seen[] = [];
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      handler(req, res);
    });
  };
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const served: Served = {
    port,
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  running.push(served);
  return served;
}

const ok = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};

async function failure(promise: Promise<unknown>): Promise<OutboundRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundRequestError);
  return error as OutboundRequestError;
}

const loopbackAllowed = { allowedNetworks: ['127.0.0.1/32'] };

describe('OutboundClient', () => {
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(running.splice(0).map((served) => served.close()));
  });

  it('refuses loopback targets by default and never connects', async () => {
    const server = await serve(ok);
    const error = await failure(new OutboundClient().request(`${server.url}/hook`));
    expect(error.reason).toBe('denied');
    expect(server.seen).toHaveLength(0);
  });

  it('refuses a host name whose addresses are loopback', async () => {
    const server = await serve(ok);
    expect((await failure(new OutboundClient().request(`http://localhost:${server.port}/`))).reason).toBe('denied');
    expect(server.seen).toHaveLength(0);
  });

  it('refuses link-local, unspecified and IPv6 loopback literals by default', async () => {
    const client = new OutboundClient();
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      'http://[::]/',
      'http://[::1]/',
    ]) {
      expect((await failure(client.request(url))).reason).toBe('denied');
    }
  });

  it('refuses IPv4-mapped IPv6 and other spellings of a denied IPv4 address', async () => {
    const server = await serve(ok);
    const client = new OutboundClient();
    for (const host of [
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[0:0:0:0:0:ffff:7f00:1]',
      '2130706433',
      '0x7f.1',
      '[::ffff:169.254.169.254]',
    ]) {
      expect((await failure(client.request(`http://${host}:${server.port}/`))).reason).toBe('denied');
    }
    expect(server.seen).toHaveLength(0);
  });

  it('reaches a denied network that allowedNetworks lets through, and reads the whole response', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      ok(_req, res);
    });
    const response = await new OutboundClient(loopbackAllowed).request(`${server.url}/hook?x=1`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.text()).toBe('{"ok":true}');
    expect(response.json()).toEqual({ ok: true });
    expect(server.seen).toMatchObject([{ method: 'GET', url: '/hook?x=1', headers: { 'user-agent': 'authmesh' } }]);
  });

  it('sends the method, headers and body it is given', async () => {
    const server = await serve(ok);
    const client = new OutboundClient({ ...loopbackAllowed, userAgent: 'authmesh-webhooks/1' });
    await client.request(`${server.url}/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"é":1}' });
    expect(server.seen).toMatchObject([
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '8', 'user-agent': 'authmesh-webhooks/1' },
        body: '{"é":1}',
      },
    ]);
  });

  it('lets deniedNetworks replace the default list', async () => {
    const server = await serve(ok);
    const response = await new OutboundClient({ deniedNetworks: ['10.0.0.0/8'] }).request(server.url);
    expect(response.status).toBe(200);
  });

  it('still refuses an allowed host name when any one of its addresses is denied', async () => {
    const lookup = jest.spyOn(dnsPromises, 'lookup').mockResolvedValue([
      { address: '203.0.113.7', family: 4 },
      { address: '::ffff:127.0.0.1', family: 6 },
    ] as any);
    const error = await failure(new OutboundClient().request('http://mixed.example.test/'));
    expect(error.reason).toBe('denied');
    expect(lookup).toHaveBeenCalledWith('mixed.example.test', expect.objectContaining({ all: true }));
  });

  it('connects to the address it checked instead of resolving the name again', async () => {
    const server = await serve(ok);
    // The name exists nowhere but in this stub; a second resolution by the socket would fail.
    const lookup = jest.spyOn(dnsPromises, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as any);
    const response = await new OutboundClient(loopbackAllowed).request(`http://pinned.example.test:${server.port}/`);
    expect(response.status).toBe(200);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(server.seen[0].headers.host).toBe(`pinned.example.test:${server.port}`);
  });

  it('fails with reason network when the name does not resolve', async () => {
    jest.spyOn(dnsPromises, 'lookup').mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect((await failure(new OutboundClient().request('http://nowhere.example.test/'))).reason).toBe('network');
  });

  it('fails with reason network when nothing listens', async () => {
    const closed = await serve(ok);
    await running.pop()!.close();
    expect((await failure(new OutboundClient(loopbackAllowed).request(closed.url))).reason).toBe('network');
  });

  it('gives up with reason timeout on a server that never answers', async () => {
    const server = await serve(() => undefined);
    const error = await failure(new OutboundClient({ ...loopbackAllowed, timeoutMs: 200 }).request(server.url));
    expect(error.reason).toBe('timeout');
  });

  it('gives up with reason timeout on a response that never finishes', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    const error = await failure(new OutboundClient({ ...loopbackAllowed, timeoutMs: 200 }).request(server.url));
    expect(error.reason).toBe('timeout');
  });

  it('refuses a response whose declared length is too large', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '2048' });
      res.end(Buffer.alloc(2048));
    });
    const error = await failure(new OutboundClient({ ...loopbackAllowed, maxResponseBytes: 1024 }).request(server.url));
    expect(error.reason).toBe('too_large');
  });

  it('refuses a streamed response once it grows too large', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 8; i++) res.write(Buffer.alloc(512));
      res.end();
    });
    const client = new OutboundClient({ ...loopbackAllowed, maxResponseBytes: 1024 });
    expect((await failure(client.request(server.url))).reason).toBe('too_large');
    expect((await new OutboundClient(loopbackAllowed).request(server.url)).body).toHaveLength(4096);
  });

  it('returns a redirect instead of following it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    const response = await new OutboundClient(loopbackAllowed).request(server.url);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
    expect(server.seen).toHaveLength(1);
  });

  it('refuses schemes other than http and https, and text that is not a URL', async () => {
    const client = new OutboundClient();
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/',
      'javascript:alert(1)',
      'gopher://example.com/',
      'example.com/path',
      '',
    ]) {
      expect((await failure(client.request(url))).reason).toBe('scheme');
    }
  });

  it('refuses malformed options when it is built', () => {
    expect(() => new OutboundClient({ deniedNetworks: ['10.0.0.0/40'] })).toThrow(RangeError);
    expect(() => new OutboundClient({ allowedNetworks: ['localhost'] })).toThrow(RangeError);
    expect(() => new OutboundClient({ timeoutMs: 0 })).toThrow(RangeError);
    expect(() => new OutboundClient({ maxResponseBytes: -1 })).toThrow(RangeError);
  });
});
