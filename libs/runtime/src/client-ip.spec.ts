import { TrustedProxies } from './client-ip.js';

describe('TrustedProxies', () => {
  const proxies = new TrustedProxies(['127.0.0.0/8', '10.0.0.0/8', '::1/128']);

  it('uses the socket address when the peer is not trusted', () => {
    expect(proxies.clientIp('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('honours X-Forwarded-For from a trusted peer', () => {
    expect(proxies.clientIp('127.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
  });

  it('skips trusted hops and stops at the first untrusted one', () => {
    expect(proxies.clientIp('10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.5')).toBe('198.51.100.1');
  });

  it('ignores garbage in the header', () => {
    expect(proxies.clientIp('127.0.0.1', 'not-an-ip')).toBe('127.0.0.1');
  });

  it('treats IPv4-mapped IPv6 peers as IPv4', () => {
    expect(proxies.clientIp('::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(proxies.trusts('::1')).toBe(true);
  });

  it('refuses an invalid network at construction', () => {
    expect(() => new TrustedProxies(['nope/8'])).toThrow(/invalid trusted proxy network/);
  });
});
