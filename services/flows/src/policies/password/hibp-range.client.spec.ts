import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundClient } from '@authmesh/outbound';
import { startHibpRangeServer } from '../../../test/hibp-range-server.js';
import { BreachCheckUnavailableError, HibpRangeClient } from './hibp-range.client.js';

const loopbackClient = () => new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], timeoutMs: 2_000 });
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

interface Recorded {
  url: string;
  seen: { url?: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A server answering every request with `answer`, recording what it was asked. */
async function answering(answer: (res: ServerResponse) => void): Promise<Recorded> {
  const seen: Recorded['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function standIn(passwords: Record<string, number>) {
  const server = await startHibpRangeServer(passwords);
  cleanups.push(server.close);
  return server;
}

async function fake(answer: (res: ServerResponse) => void) {
  const server = await answering(answer);
  cleanups.push(server.close);
  return server;
}

describe('HibpRangeClient', () => {
  it('returns how often a breached password was seen', async () => {
    const server = await standIn({ 'P@ssw0rd': 52_000, 'Tr0ub4dour&3': 7 });
    const hibp = new HibpRangeClient(server.url, loopbackClient());
    expect(await hibp.count('P@ssw0rd')).toBe(52_000);
    expect(await hibp.count('Tr0ub4dour&3')).toBe(7);
  });

  it('returns 0 for a password that is not in its range', async () => {
    const server = await standIn({ 'P@ssw0rd': 52_000 });
    expect(await new HibpRangeClient(`${server.url}/`, loopbackClient()).count('never leaked, hopefully')).toBe(0);
  });

  it('asks for the uppercase five-character prefix, with padding, and nothing else', async () => {
    const server = await fake((res) => res.end(''));
    await new HibpRangeClient(server.url, loopbackClient()).count('hunter2');
    const hash = sha1('hunter2');
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0].url).toBe(`/range/${hash.slice(0, 5)}`);
    expect(server.seen[0].headers['add-padding']).toBe('true');
    expect(JSON.stringify(server.seen[0])).not.toContain(hash.slice(5, 15));
  });

  it('reads a padded entry for the exact suffix as never seen', async () => {
    const suffix = sha1('hunter2').slice(5);
    const server = await fake((res) => res.end(`${suffix.toLowerCase()}:0\r\n${'A'.repeat(35)}:3\r\n`));
    expect(await new HibpRangeClient(server.url, loopbackClient()).count('hunter2')).toBe(0);
  });

  it('throws BreachCheckUnavailableError when the API answers anything but 200', async () => {
    for (const status of [404, 429, 503]) {
      const server = await fake((res) => {
        res.writeHead(status);
        res.end();
      });
      await expect(new HibpRangeClient(server.url, loopbackClient()).count('hunter2')).rejects.toThrow(BreachCheckUnavailableError);
    }
  });

  it('throws BreachCheckUnavailableError on a malformed range', async () => {
    for (const body of ['<html>maintenance</html>', `${'A'.repeat(35)}:lots`, `${'A'.repeat(34)}:1`]) {
      const server = await fake((res) => res.end(body));
      await expect(new HibpRangeClient(server.url, loopbackClient()).count('hunter2')).rejects.toThrow(BreachCheckUnavailableError);
    }
  });

  it('throws BreachCheckUnavailableError when the API cannot be reached', async () => {
    const server = await answering((res) => res.end());
    await server.close();
    await expect(new HibpRangeClient(server.url, loopbackClient()).count('hunter2')).rejects.toThrow(BreachCheckUnavailableError);
  });
});

describe('startHibpRangeServer', () => {
  it('pads a range to 800–1000 entries of count 0 when asked, and only then', async () => {
    const server = await standIn({ 'P@ssw0rd': 52_000 });
    const prefix = sha1('P@ssw0rd').slice(0, 5);
    const client = loopbackClient();
    const padded = (await client.request(`${server.url}/range/${prefix}`, { headers: { 'Add-Padding': 'true' } })).text().split('\r\n');
    expect(padded.length).toBeGreaterThanOrEqual(800);
    expect(padded.length).toBeLessThanOrEqual(1000);
    expect(padded.filter((line) => !line.endsWith(':0'))).toEqual([`${sha1('P@ssw0rd').slice(5)}:52000`]);
    expect(padded.every((line) => /^[0-9A-F]{35}:\d+$/.test(line))).toBe(true);

    const plain = (await client.request(`${server.url}/range/${prefix.toLowerCase()}`)).text();
    expect(plain).toBe(`${sha1('P@ssw0rd').slice(5)}:52000`);
  });

  it('answers 400 to a malformed prefix and 404 elsewhere', async () => {
    const server = await standIn({});
    const client = loopbackClient();
    expect((await client.request(`${server.url}/range/ABCDEF`)).status).toBe(400);
    expect((await client.request(`${server.url}/range/GHIJK`)).status).toBe(400);
    expect((await client.request(`${server.url}/pwnedpassword/ABCDE`)).status).toBe(404);
    expect(server.requests).toEqual(['/range/ABCDEF', '/range/GHIJK', '/pwnedpassword/ABCDE']);
  });
});
