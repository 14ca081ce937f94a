import { BlockList, isIP } from 'node:net';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export interface WebhookUrlRules {
  /** Plain http: allowed (never in production). */
  allowHttp: boolean;
  /** Private, loopback and link-local addresses allowed (tests, on-premises receivers). */
  allowPrivateNetworks: boolean;
}

/**
 * Addresses a webhook must not reach unless private networks are allowed: the host itself,
 * its private networks and cloud metadata services (169.254.169.254), and ranges no public
 * receiver uses. IPv4-mapped IPv6 addresses are checked against the IPv4 ranges.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64 (would reach any IPv4 address)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (would reach any IPv4 address)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (as a resolver returns it) is anything but a public unicast address. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return true;
  return NON_PUBLIC.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** The rules for a deployment: http only outside production; private networks by flag. */
export function webhookUrlRules(config: {
  NODE_ENV: string;
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean;
}): WebhookUrlRules {
  return {
    allowHttp: config.NODE_ENV !== 'production',
    allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
  };
}

/**
 * Why `raw` cannot be a webhook URL, or null when it can. Names are not resolved here (a name
 * may point elsewhere by the time a message is sent): the sender checks every address it
 * connects to. This refuses what is wrong whatever the DNS says.
 */
export function webhookUrlProblem(raw: string, rules: WebhookUrlRules): string | null {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    return `The URL must be at most ${MAX_WEBHOOK_URL_LENGTH} characters.`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The URL is not a valid absolute URL.';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowHttp)) {
    return rules.allowHttp ? 'The URL must use https or http.' : 'The URL must use https.';
  }
  if (url.username || url.password) {
    return 'The URL must not contain a user name or password.';
  }
  if (url.hash) return 'The URL must not have a fragment (#…).';
  const host = url.hostname.toLowerCase();
  if (!rules.allowPrivateNetworks) {
    const literal = host.replace(/^\[|\]$/g, '');
    if (isIP(literal) !== 0 ? isNonPublicAddress(literal) : isLocalName(host)) {
      return 'The URL must point to a public address.';
    }
  }
  return null;
}

/** Names that always mean this host or its private network, whatever a resolver says. */
function isLocalName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  return (
    !name.includes('.') ||
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name.endsWith('.local') ||
    name.endsWith('.internal') ||
    name.endsWith('.home.arpa')
  );
}
