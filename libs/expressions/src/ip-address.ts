// IPv4 and IPv6 parsing for the ip_address and ip_network expression helpers. Addresses are
// held as bigints so one code path masks both families. Flags follow Python's ipaddress module
// (the IANA special-purpose registries), which admins coming from authentik already know.

/** A parsed address: its family and its bits. */
interface Ip {
  version: 4 | 6;
  value: bigint;
}

/** What ip_address(text) answers inside an expression. */
export type IpAddressInfo = {
  address: string;
  version: 4 | 6;
  is_private: boolean;
  is_loopback: boolean;
  is_link_local: boolean;
};

/** What ip_network(cidr) answers inside an expression (the sandbox adds `contains`). */
export type IpNetworkInfo = {
  network: string;
  prefix: number;
  version: 4 | 6;
};

const BITS = { 4: 32, 6: 128 } as const;
const MAX_TEXT_LENGTH = 64;
// ::ffff:a.b.c.d: an IPv4 address in IPv6 clothing (RFC 4291, section 2.5.5.2).
const IPV4_MAPPED_HIGH_BITS = 0xffffn;

/** Thrown for text that is not an address or network; the message is shown to the expression. */
export class IpParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpParseError';
  }
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so "010" is ambiguous.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseGroups(text: string): bigint[] | undefined {
  if (text === '') return [];
  const groups: bigint[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (ipv4 === undefined) return undefined;
      groups.push(ipv4 >> 16n, ipv4 & 0xffffn);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  // An IPv4 tail is only allowed at the very end of the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((value, group) => (value << 16n) | group, 0n);
}

function parseIp(text: unknown): Ip {
  if (typeof text !== 'string') throw new IpParseError('an IP address must be a string');
  if (text.length <= MAX_TEXT_LENGTH) {
    const ipv4 = parseIpv4(text);
    if (ipv4 !== undefined) return { version: 4, value: ipv4 };
    // Zone indices ("fe80::1%eth0") are refused: they name an interface of some other host.
    const ipv6 = text.includes(':') ? parseIpv6(text) : undefined;
    if (ipv6 !== undefined) return { version: 6, value: ipv6 };
  }
  throw new IpParseError(`"${text.slice(0, MAX_TEXT_LENGTH)}" is not an IPv4 or IPv6 address`);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
function formatIpv6(value: bigint): string {
  if (value >> 32n === IPV4_MAPPED_HIGH_BITS) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const groups = Array.from({ length: 8 }, (_, index) => (value >> BigInt(112 - 16 * index)) & 0xffffn);
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8;) {
    let end = start;
    while (end < 8 && groups[end] === 0n) end += 1;
    if (end - start > best.length) best = { start, length: end - start };
    start = end === start ? start + 1 : end;
  }
  const text = groups.map((group) => group.toString(16));
  if (best.start < 0) return text.join(':');
  return `${text.slice(0, best.start).join(':')}::${text.slice(best.start + best.length).join(':')}`;
}

function formatIp(ip: Ip): string {
  return ip.version === 4 ? formatIpv4(ip.value) : formatIpv6(ip.value);
}

/** A network as its base bits, prefix length and family. */
interface Network extends Ip {
  prefix: number;
}

function inNetwork(ip: Ip, network: Network): boolean {
  if (ip.version !== network.version) return false;
  const hostBits = BigInt(BITS[network.version] - network.prefix);
  return ip.value >> hostBits === network.value >> hostBits;
}

function networks(version: 4 | 6, cidrs: string[]): Network[] {
  return cidrs.map((cidr) => {
    const [address, prefix] = cidr.split('/');
    return { ...parseIp(address), version, prefix: Number(prefix) };
  });
}

// Not globally reachable blocks of the IANA special-purpose registries, as in Python's ipaddress.
const PRIVATE = [
  ...networks(4, ['0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.170/31']),
  ...networks(4, ['192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4']),
  ...networks(4, ['255.255.255.255/32']),
  ...networks(6, ['::1/128', '::/128', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', '3fff::/20']),
  ...networks(6, ['fc00::/7', 'fe80::/10']),
];
const PRIVATE_EXCEPTIONS = [
  ...networks(4, ['192.0.0.9/32', '192.0.0.10/32']),
  ...networks(6, ['2001:1::1/128', '2001:1::2/128', '2001:3::/32', '2001:4:112::/48', '2001:20::/28', '2001:30::/28']),
];
const LOOPBACK = networks(4, ['127.0.0.0/8']).concat(networks(6, ['::1/128']));
const LINK_LOCAL = networks(4, ['169.254.0.0/16']).concat(networks(6, ['fe80::/10']));

/** Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; such an address is judged as its IPv4 self. */
function unmapIpv4(ip: Ip): Ip {
  return ip.version === 6 && ip.value >> 32n === IPV4_MAPPED_HIGH_BITS ? { version: 4, value: ip.value & 0xffffffffn } : ip;
}

/** Parses an IPv4 or IPv6 address and classifies it; throws IpParseError on anything else. */
export function describeIpAddress(text: unknown): IpAddressInfo {
  const ip = parseIp(text);
  const judged = unmapIpv4(ip);
  const within = (list: Network[]) => list.some((network) => inNetwork(judged, network));
  return {
    address: formatIp(ip),
    version: ip.version,
    is_private: within(PRIVATE) && !within(PRIVATE_EXCEPTIONS),
    is_loopback: within(LOOPBACK),
    is_link_local: within(LINK_LOCAL),
  };
}

function parseNetwork(cidr: unknown): Network {
  if (typeof cidr !== 'string') throw new IpParseError('an IP network must be a string');
  const [address, prefixText, ...rest] = cidr.split('/');
  const ip = parseIp(address);
  const bits = BITS[ip.version];
  if (rest.length > 0 || (prefixText !== undefined && !/^(0|[1-9][0-9]{0,2})$/.test(prefixText))) {
    throw new IpParseError(`"${cidr.slice(0, MAX_TEXT_LENGTH)}" is not a network in address/prefix form`);
  }
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) throw new IpParseError(`an IPv${ip.version} prefix is at most ${bits}`);
  // Like Python's strict mode: "10.0.0.5/8" is more likely a typo than a wish for 10.0.0.0/8.
  if (ip.value & ((1n << BigInt(bits - prefix)) - 1n)) throw new IpParseError(`${cidr} has host bits set`);
  return { ...ip, prefix };
}

/** Parses a network such as "10.0.0.0/8" or "2001:db8::/32"; throws IpParseError when invalid or host bits are set. */
export function describeIpNetwork(cidr: unknown): IpNetworkInfo {
  const network = parseNetwork(cidr);
  return { network: formatIp(network), prefix: network.prefix, version: network.version };
}

/** Whether the address lies in the network; an IPv4-mapped IPv6 address also matches IPv4 networks. */
export function ipNetworkContains(cidr: unknown, address: unknown): boolean {
  const network = parseNetwork(cidr);
  const ip = parseIp(address);
  return inNetwork(ip, network) || inNetwork(unmapIpv4(ip), network);
}
