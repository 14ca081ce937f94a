import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustedProxies } from './client-address.js';

describe('clientAddressOf', () => {
  const proxies = parseTrustedProxies('10.0.0.1, 10.0.0.2');

  it('ignores X-Forwarded-For when the peer is not a trusted proxy', () => {
    expect(clientAddressOf('203.0.113.9', '198.51.100.7', proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('203.0.113.9', '198.51.100.7', parseTrustedProxies(undefined))).toBe(
      '203.0.113.9',
    );
  });

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    // The client forged the first entry; the proxies appended the real ones.
    expect(clientAddressOf('10.0.0.1', '1.2.3.4, 198.51.100.7, 10.0.0.2', proxies)).toBe(
      '198.51.100.7',
    );
  });

  it('normalizes IPv4-mapped addresses and drops garbage', () => {
    expect(clientAddressOf('::ffff:10.0.0.1', 'not-an-ip, 198.51.100.7', proxies)).toBe(
      '198.51.100.7',
    );
    expect(clientAddressOf(undefined, undefined, proxies)).toBeNull();
  });
});
