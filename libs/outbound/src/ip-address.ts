/** An IP address as bytes: 4 for IPv4, 16 for IPv6. IPv4-mapped IPv6 addresses are stored as IPv4. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * Parses a textual IPv4 or IPv6 address (brackets and an IPv6 zone are accepted and ignored).
 * IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`, `::ffff:7f00:1`) become the IPv4 address they
 * reach, so a deny list written for IPv4 also covers them. Anything else returns undefined.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!unbracketed.includes(':')) {
    const v4 = parseIpv4(unbracketed);
    return v4 && { family: 4, bytes: v4 };
  }
  const v6 = parseIpv6(unbracketed.replace(/%[^%]*$/, ''));
  if (!v6) return undefined;
  return isIpv4Mapped(v6) ? { family: 4, bytes: v6.slice(12) } : { family: 6, bytes: v6 };
}

/** True when the 16 bytes are an IPv4-mapped IPv6 address (::ffff:0:0/96). */
export function isIpv4Mapped(v6: Uint8Array): boolean {
  return v6.length === 16 && IPV4_MAPPED_PREFIX.every((byte, i) => v6[i] === byte);
}

// Strict dotted decimal only: leading zeros are refused because some resolvers read them as octal.
function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const compressed = halves.length === 2;
  const groups = head.length + tail.length;
  if (compressed ? groups > 7 : groups !== 8) return undefined;

  const bytes = new Uint8Array(16);
  const write = (values: number[], start: number) =>
    values.forEach((value, i) => {
      bytes[start + 2 * i] = value >> 8;
      bytes[start + 2 * i + 1] = value & 0xff;
    });
  write(head, 0);
  write(tail, 16 - 2 * tail.length);
  return bytes;
}

// The 16-bit groups of one side of `::`; a trailing dotted IPv4 counts as two groups.
function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}
