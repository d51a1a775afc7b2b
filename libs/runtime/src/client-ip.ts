import { BlockList, isIP } from 'node:net';

/** Header the gateway sets for the services behind it; clients cannot supply it. */
export const CLIENT_IP_HEADER = 'x-authmesh-client-ip';
export const REQUEST_ID_HEADER = 'x-request-id';

/** Decides which peers may set X-Forwarded-* headers. */
export class TrustedProxies {
  private readonly list = new BlockList();

  constructor(cidrs: readonly string[]) {
    for (const cidr of cidrs) {
      const [address, prefix] = cidr.split('/');
      const family = isIP(address);
      if (!family) throw new Error(`invalid trusted proxy network: ${cidr}`);
      this.list.addSubnet(address, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  trusts(address: string): boolean {
    const plain = unmapIpv4(address);
    const family = isIP(plain);
    if (!family) return false;
    return this.list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }

  /**
   * The client address for a request: walk X-Forwarded-For from the right while each hop
   * is a trusted proxy; the first untrusted hop is the client. Without a trusted peer the
   * socket address is the client, whatever the headers say.
   */
  clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
    const peer = unmapIpv4(socketAddress ?? '');
    if (!peer || !this.trusts(peer) || !forwardedFor) return peer;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((hop) => unmapIpv4(hop.trim()))
      .filter((hop) => isIP(hop) !== 0);
    let client = peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      client = hops[i];
      if (!this.trusts(client)) break;
    }
    return client;
  }
}

function unmapIpv4(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
