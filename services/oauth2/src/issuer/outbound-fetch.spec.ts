import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundClient, OutboundRequestError } from '@authmesh/outbound';
import { outboundFetch } from './outbound-fetch.js';

describe('outboundFetch (oidc-provider through the outbound client)', () => {
  let server: Server;
  let url: string;
  const received: Array<{ method?: string; type?: string; agent?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], agent: req.headers['user-agent'], body });
        res.statusCode = req.url === '/gone' ? 410 : 200;
        res.end(req.url === '/gone' ? 'gone' : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('refuses loopback targets unless they are allowed', async () => {
    const denied = outboundFetch(new OutboundClient());
    await expect(denied(`${url}/logout`, { method: 'POST', body: 'x=1' })).rejects.toBeInstanceOf(OutboundRequestError);
    expect(received).toHaveLength(0);
  });

  it('posts the form with its headers, blank user agent replaced, and answers a fetch Response', async () => {
    const allowed = outboundFetch(new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], userAgent: 'authmesh/test' }));
    const response = await allowed(`${url}/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': '' },
      body: new URLSearchParams({ logout_token: 'a.b.c' }),
    });
    expect(response.status).toBe(200);
    expect(received.at(-1)).toEqual({
      method: 'POST',
      type: 'application/x-www-form-urlencoded',
      agent: 'authmesh/test',
      body: 'logout_token=a.b.c',
    });
    const gone = await allowed(`${url}/gone`, { method: 'POST', body: '' });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe('gone');
  });
});
