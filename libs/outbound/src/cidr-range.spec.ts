import { CidrRange } from './cidr-range.js';
import { parseIpAddress } from './ip-address.js';

describe('parseIpAddress', () => {
  it('reads IPv4 and IPv6 addresses as bytes', () => {
    expect(parseIpAddress('192.0.2.10')).toEqual({ family: 4, bytes: Uint8Array.from([192, 0, 2, 10]) });
    expect(parseIpAddress('2001:db8::1')?.bytes).toEqual(Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(parseIpAddress('::')?.bytes).toEqual(new Uint8Array(16));
    expect(parseIpAddress('[::1]')?.family).toBe(6);
    expect(parseIpAddress('fe80::1%eth0')?.bytes[0]).toBe(0xfe);
  });

  it('reads IPv4-mapped IPv6 addresses, dotted or hex, as the IPv4 address they reach', () => {
    const loopback = { family: 4, bytes: Uint8Array.from([127, 0, 0, 1]) };
    expect(parseIpAddress('::ffff:127.0.0.1')).toEqual(loopback);
    expect(parseIpAddress('::ffff:7f00:1')).toEqual(loopback);
    expect(parseIpAddress('0:0:0:0:0:ffff:7f00:0001')).toEqual(loopback);
  });

  it('refuses text that is not exactly an address', () => {
    for (const text of [
      '',
      'localhost',
      '1.2.3',
      '1.2.3.4.5',
      '256.0.0.1',
      '010.0.0.1',
      '1.2.3.-4',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      ':::',
      'g::1',
    ]) {
      expect(parseIpAddress(text)).toBeUndefined();
    }
  });
});

describe('CidrRange', () => {
  it('matches IPv4 addresses inside the prefix only', () => {
    const range = CidrRange.parse('10.20.0.0/14');
    expect(range.contains('10.20.0.0')).toBe(true);
    expect(range.contains('10.23.255.255')).toBe(true);
    expect(range.contains('10.24.0.0')).toBe(false);
    expect(range.contains('10.19.255.255')).toBe(false);
  });

  it('matches IPv6 addresses inside the prefix only', () => {
    const linkLocal = CidrRange.parse('fe80::/10');
    expect(linkLocal.contains('fe80::1')).toBe(true);
    expect(linkLocal.contains('febf:ffff::1')).toBe(true);
    expect(linkLocal.contains('fec0::1')).toBe(false);
    expect(CidrRange.parse('::1/128').contains('::1')).toBe(true);
    expect(CidrRange.parse('::1/128').contains('::2')).toBe(false);
  });

  it('treats a bare address as a single host and /0 as every address of its family', () => {
    expect(CidrRange.parse('192.0.2.1').contains('192.0.2.1')).toBe(true);
    expect(CidrRange.parse('192.0.2.1').contains('192.0.2.2')).toBe(false);
    expect(CidrRange.parse('0.0.0.0/0').contains('203.0.113.9')).toBe(true);
    expect(CidrRange.parse('0.0.0.0/0').contains('2001:db8::1')).toBe(false);
    expect(CidrRange.parse('::/0').contains('2001:db8::1')).toBe(true);
  });

  it('matches the IPv4-mapped form of an address against IPv4 ranges', () => {
    const loopback = CidrRange.parse('127.0.0.0/8');
    expect(loopback.contains('::ffff:127.0.0.1')).toBe(true);
    expect(loopback.contains('::ffff:7f01:203')).toBe(true);
    expect(CidrRange.parse('::ffff:169.254.0.0/112').contains('169.254.169.254')).toBe(true);
    expect(CidrRange.parse('::/128').contains('0.0.0.0')).toBe(false);
  });

  it('normalises masked-off host bits of the network address', () => {
    expect(CidrRange.parse('192.168.1.77/24').contains('192.168.1.1')).toBe(true);
  });

  it('refuses malformed ranges', () => {
    for (const text of [
      '',
      '10.0.0.0/33',
      '::/129',
      '10.0.0.0/-1',
      '10.0.0.0/08',
      '10.0.0.0/8/8',
      'example.com/24',
      '10.0.0/8',
      '10.0.0.0/',
    ]) {
      expect(() => CidrRange.parse(text)).toThrow(RangeError);
    }
  });

  it('never matches unparsable addresses', () => {
    expect(CidrRange.parse('0.0.0.0/0').contains('not an address')).toBe(false);
  });
});
