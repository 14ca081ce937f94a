import { describe, expect, it } from 'vitest';
import {
  MAX_WEBHOOK_URL_LENGTH,
  isNonPublicAddress,
  webhookUrlProblem,
  webhookUrlRules,
} from './webhook-url.js';

const production = webhookUrlRules({
  NODE_ENV: 'production',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
});
const development = webhookUrlRules({
  NODE_ENV: 'development',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
});
const tests = webhookUrlRules({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_NETWORKS: true });

describe('webhook URL rules', () => {
  it('accepts public https URLs, with paths, queries and ports', () => {
    for (const url of [
      'https://hooks.example.com/services/T000/B000/XXXX',
      'https://chat.example.org:8443/hook?token=abc',
      'https://93.184.216.34/hook',
      'https://[2606:2800:220:1:248:1893:25c8:1946]/hook',
    ]) {
      expect(webhookUrlProblem(url, production), url).toBeNull();
    }
  });

  it('allows http only outside production', () => {
    expect(webhookUrlProblem('http://hooks.example.com/x', production)).toBe(
      'The URL must use https.',
    );
    expect(webhookUrlProblem('http://hooks.example.com/x', development)).toBeNull();
  });

  it('refuses other schemes, relative and malformed URLs', () => {
    for (const url of [
      'ftp://hooks.example.com/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://hooks.example.com/',
      '/relative/path',
      'hooks.example.com/x',
      'https://',
      '',
    ]) {
      expect(webhookUrlProblem(url, development), url).not.toBeNull();
    }
  });

  it('refuses credentials and fragments', () => {
    expect(webhookUrlProblem('https://user:pass@hooks.example.com/', production)).toBe(
      'The URL must not contain a user name or password.',
    );
    expect(webhookUrlProblem('https://user@hooks.example.com/', production)).not.toBeNull();
    expect(webhookUrlProblem('https://hooks.example.com/#x', production)).not.toBeNull();
  });

  it('refuses overlong URLs', () => {
    const url = `https://hooks.example.com/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`;
    expect(webhookUrlProblem(url, tests)).toContain(String(MAX_WEBHOOK_URL_LENGTH));
  });

  it('refuses loopback, private, link-local and local names unless private networks are allowed', () => {
    for (const url of [
      'https://127.0.0.1/x',
      'https://127.1/x',
      'https://2130706433/x',
      'https://0x7f.0.0.1/x',
      'https://10.1.2.3/x',
      'https://172.16.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://[::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[::ffff:a9fe:a9fe]/x',
      'https://[fe80::1]/x',
      'https://[fd00::1]/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://printer.local/x',
      'https://metadata.google.internal/x',
      'https://intranet/x',
    ]) {
      expect(webhookUrlProblem(url, production), url).toBe(
        'The URL must point to a public address.',
      );
      expect(webhookUrlProblem(url, { ...production, allowPrivateNetworks: true }), url).toBeNull();
    }
  });
});

describe('non-public addresses', () => {
  it('recognises loopback, private, link-local, multicast and reserved ranges', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.127.255.255',
      '224.0.0.1',
      '255.255.255.255',
      '0.0.0.0',
      '::',
      '::1',
      '::ffff:10.0.0.1',
      'fe80::1%eth0',
      'fc00::1',
      'ff02::1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      'not an address',
    ]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
  });

  it('lets public unicast addresses through', () => {
    for (const address of [
      '93.184.216.34',
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '::ffff:8.8.8.8',
      '2606:4700:4700::1111',
    ]) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });
});
