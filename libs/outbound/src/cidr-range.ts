import { isIpv4Mapped, parseIpAddress, type IpAddress } from './ip-address.js';

/**
 * A network in CIDR notation (`10.0.0.0/8`, `fe80::/10`; a bare address is a single host).
 * IPv4 ranges match IPv4 addresses and their IPv4-mapped IPv6 forms. An IPv6 range inside
 * ::ffff:0:0/96 is read as the IPv4 range it maps; any other IPv6 range matches IPv6 addresses only.
 */
export class CidrRange {
  private constructor(
    readonly family: 4 | 6,
    private readonly network: Uint8Array,
    readonly prefixLength: number,
  ) {}

  /** Parses `address/prefix` or a bare address; throws a RangeError on anything else. */
  static parse(text: string): CidrRange {
    const [addressText, prefixText, ...rest] = text.trim().split('/');
    const address = parseIpAddress(addressText);
    if (!address || rest.length > 0) throw new RangeError(`not a CIDR range: ${text}`);

    // The prefix counts bits of the address as written: 32 for IPv4, 128 for any IPv6 form.
    const writtenAsV6 = addressText.includes(':');
    const maxPrefix = writtenAsV6 ? 128 : 32;
    const prefix = prefixText === undefined ? maxPrefix : parsePrefix(prefixText, maxPrefix);
    if (prefix === undefined) throw new RangeError(`not a CIDR range: ${text}`);

    if (address.family === 6) return new CidrRange(6, mask(address.bytes, prefix), prefix);
    if (!writtenAsV6) return new CidrRange(4, mask(address.bytes, prefix), prefix);
    if (prefix >= 96) return new CidrRange(4, mask(address.bytes, prefix - 96), prefix - 96);
    // Wider than ::ffff:0:0/96 (e.g. ::ffff:0:0/80): it stays the IPv6 range it was written as.
    const v6 = new Uint8Array(16);
    v6.set([0xff, 0xff], 10);
    v6.set(address.bytes, 12);
    return new CidrRange(6, mask(v6, prefix), prefix);
  }

  /** True when `address` (text or parsed) lies in this range; unparsable text never matches. */
  contains(address: string | IpAddress): boolean {
    const ip = typeof address === 'string' ? parseIpAddress(address) : normalise(address);
    if (!ip || ip.family !== this.family) return false;
    const masked = mask(ip.bytes, this.prefixLength);
    return masked.every((byte, i) => byte === this.network[i]);
  }
}

function normalise(ip: IpAddress): IpAddress {
  return ip.family === 6 && isIpv4Mapped(ip.bytes) ? { family: 4, bytes: ip.bytes.slice(12) } : ip;
}

function parsePrefix(text: string, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]{0,2})$/.test(text)) return undefined;
  const prefix = Number(text);
  return prefix <= max ? prefix : undefined;
}

function mask(bytes: Uint8Array, prefix: number): Uint8Array {
  return bytes.map((byte, i) => {
    const bits = Math.min(8, Math.max(0, prefix - 8 * i));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
}
