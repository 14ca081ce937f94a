import { isIP } from 'node:net';

/**
 * The client's address: the socket's peer, unless that peer is one of our trusted proxies, in
 * which case the right-most X-Forwarded-For entry that is not itself a trusted proxy. A client
 * can write anything into X-Forwarded-For, so without trusted proxies the header is ignored.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: ReadonlySet<string>,
): string | null {
  const peer = normalize(socketAddress);
  if (peer === null || !trustedProxies.has(peer) || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => normalize(hop.trim()))
    .filter((hop): hop is string => hop !== null);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index];
    if (hop !== undefined && !trustedProxies.has(hop)) return hop;
  }
  return peer;
}

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) as plain IPv4; anything that is not an IP as null. */
function normalize(address: string | undefined): string | null {
  if (!address) return null;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIP(plain) ? plain : null;
}

export function parseTrustedProxies(setting: string | undefined): ReadonlySet<string> {
  return new Set(
    (setting ?? '')
      .split(',')
      .map((entry) => normalize(entry.trim()))
      .filter((entry): entry is string => entry !== null),
  );
}
