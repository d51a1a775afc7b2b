import { describeIpAddress, describeIpNetwork, ipNetworkContains, IpParseError } from './ip-address.js';

describe('describeIpAddress', () => {
  it('parses and classifies IPv4 addresses', () => {
    expect(describeIpAddress('10.1.2.3')).toEqual({
      address: '10.1.2.3',
      version: 4,
      is_private: true,
      is_loopback: false,
      is_link_local: false,
    });
    expect(describeIpAddress('127.0.0.1')).toMatchObject({ is_private: true, is_loopback: true });
    expect(describeIpAddress('169.254.10.1')).toMatchObject({ is_private: true, is_link_local: true });
    expect(describeIpAddress('8.8.8.8')).toMatchObject({ is_private: false, is_loopback: false, is_link_local: false });
    expect(describeIpAddress('172.31.255.255').is_private).toBe(true);
    expect(describeIpAddress('172.32.0.1').is_private).toBe(false);
    expect(describeIpAddress('100.64.0.1').is_private).toBe(false);
    expect(describeIpAddress('192.0.0.9').is_private).toBe(false);
  });

  it('parses, normalises and classifies IPv6 addresses', () => {
    expect(describeIpAddress('2001:DB8:0:0:0:0:0:1')).toEqual({
      address: '2001:db8::1',
      version: 6,
      is_private: true,
      is_loopback: false,
      is_link_local: false,
    });
    expect(describeIpAddress('::1')).toMatchObject({ address: '::1', is_loopback: true, is_private: true });
    expect(describeIpAddress('fe80::1:2')).toMatchObject({ is_link_local: true, is_private: true });
    expect(describeIpAddress('fd12:3456::1').is_private).toBe(true);
    expect(describeIpAddress('2a00:1450:4001:80b::200e')).toMatchObject({ address: '2a00:1450:4001:80b::200e', is_private: false });
    expect(describeIpAddress('::').address).toBe('::');
    expect(describeIpAddress('1:0:0:2:0:0:0:3').address).toBe('1:0:0:2::3');
    expect(describeIpAddress('1:0:2:3:4:5:6:7').address).toBe('1:0:2:3:4:5:6:7');
    expect(describeIpAddress('64:ff9b::192.0.2.33').address).toBe('64:ff9b::c000:221');
  });

  it('judges an IPv4-mapped IPv6 address by its IPv4 part, as Node reports dual-stack clients', () => {
    expect(describeIpAddress('::ffff:127.0.0.1')).toMatchObject({ address: '::ffff:127.0.0.1', version: 6, is_loopback: true });
    expect(describeIpAddress('::ffff:8.8.8.8').is_private).toBe(false);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    ' 1.2.3.4',
    '1.2.3.4/32',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::1',
    ':1:2:3:4:5:6:7',
    'fe80::1%eth0',
    '1.2.3.4::',
    '::1.2.3',
    'localhost',
  ])('refuses %j', (text) => {
    expect(() => describeIpAddress(text)).toThrow(IpParseError);
  });

  it('refuses overlong text without parsing it', () => {
    expect(() => describeIpAddress(`1.2.3.4${' '.repeat(1000)}`)).toThrow(IpParseError);
  });

  it('refuses values that are not strings', () => {
    expect(() => describeIpAddress(42)).toThrow(IpParseError);
    expect(() => describeIpAddress(null)).toThrow(IpParseError);
  });
});

describe('describeIpNetwork', () => {
  it('parses IPv4 and IPv6 networks', () => {
    expect(describeIpNetwork('10.0.0.0/8')).toEqual({ network: '10.0.0.0', prefix: 8, version: 4 });
    expect(describeIpNetwork('2001:DB8::/32')).toEqual({ network: '2001:db8::', prefix: 32, version: 6 });
    expect(describeIpNetwork('192.168.1.1')).toEqual({ network: '192.168.1.1', prefix: 32, version: 4 });
    expect(describeIpNetwork('::/0')).toEqual({ network: '::', prefix: 0, version: 6 });
  });

  it.each(['10.0.0.1/8', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/8/8', 'nonsense/8'])(
    'refuses %j',
    (cidr) => {
      expect(() => describeIpNetwork(cidr)).toThrow(IpParseError);
    },
  );
});

describe('ipNetworkContains', () => {
  it('tests membership for both families', () => {
    expect(ipNetworkContains('10.0.0.0/8', '10.255.0.1')).toBe(true);
    expect(ipNetworkContains('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(ipNetworkContains('0.0.0.0/0', '203.0.113.9')).toBe(true);
    expect(ipNetworkContains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(ipNetworkContains('2001:db8::/32', '2001:db9::1')).toBe(false);
  });

  it('never matches across families, except an IPv4-mapped address against an IPv4 network', () => {
    expect(ipNetworkContains('10.0.0.0/8', '::1')).toBe(false);
    expect(ipNetworkContains('::/0', '10.0.0.1')).toBe(false);
    expect(ipNetworkContains('10.0.0.0/8', '::ffff:10.1.2.3')).toBe(true);
  });

  it('throws on an invalid address', () => {
    expect(() => ipNetworkContains('10.0.0.0/8', 'ten')).toThrow(IpParseError);
  });
});
