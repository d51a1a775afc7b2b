import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HibpRangeServer {
  /** Base URL, to be used as `https://api.pwnedpasswords.com` would be. */
  url: string;
  /** The path (and query) of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

interface BreachedHash {
  prefix: string;
  suffix: string;
  count: number;
}

/**
 * A local stand-in for the Pwned Passwords range API on 127.0.0.1, knowing only `passwords`
 * (password → times seen). It answers as the documented API does: `GET /range/{5 hex}` gives
 * `SUFFIX:COUNT` lines joined by CRLF; with `Add-Padding: true` the answer is filled to at least 800
 * lines, plus 0–200 more, with random suffixes of count 0; a malformed prefix gets 400.
 */
export async function startHibpRangeServer(passwords: Record<string, number>): Promise<HibpRangeServer> {
  const breached: BreachedHash[] = Object.entries(passwords).map(([password, count]) => {
    const hash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    return { prefix: hash.slice(0, 5), suffix: hash.slice(5), count };
  });
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    answer(req, res, breached);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse, breached: BreachedHash[]): void {
  const { pathname } = new URL(req.url ?? '/', 'http://stand-in');
  const range = /^\/range\/([^/]*)$/.exec(pathname);
  if (!range) return plain(res, 404, 'Not found');
  if (req.method !== 'GET') return plain(res, 405, 'Method not allowed');
  if (!/^[0-9A-Fa-f]{5}$/.test(range[1])) return plain(res, 400, 'The hash prefix was not in a valid format');

  const prefix = range[1].toUpperCase();
  const lines = new Map(breached.filter((entry) => entry.prefix === prefix).map((entry) => [entry.suffix, entry.count]));
  if (String(req.headers['add-padding']).toLowerCase() === 'true') {
    // As documented: at least 800 entries, then a further 0–200 random ones.
    const total = Math.max(800, lines.size) + randomInt(0, 201);
    while (lines.size < total) {
      const suffix = randomBytes(18).toString('hex').slice(0, 35).toUpperCase();
      if (!lines.has(suffix)) lines.set(suffix, 0);
    }
  }
  const body = [...lines]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([suffix, count]) => `${suffix}:${count}`)
    .join('\r\n');
  res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'public, max-age=2678400', 'access-control-allow-origin': '*' });
  res.end(body);
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(message);
}
