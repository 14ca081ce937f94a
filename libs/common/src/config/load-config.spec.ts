import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const secrets = {
  JWT_SIGNING_KEY: randomBytes(32).toString('base64'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CERTIFICATE_SIGNING_KEY: randomBytes(32).toString('base64'),
};

describe('loadConfig', () => {
  it('applies the local defaults when only the secrets are set', () => {
    const config = loadConfig(secrets);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/academy');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.MIGRATE_ON_START).toBe(true);
  });

  it('coerces numbers and flags', () => {
    const config = loadConfig({ ...secrets, PORT: '8080', MIGRATE_ON_START: 'false' });
    expect(config.PORT).toBe(8080);
    expect(config.MIGRATE_ON_START).toBe(false);
  });

  it('reports one line per bad variable, naming it, without echoing the value', () => {
    let error: unknown;
    try {
      loadConfig({
        ...secrets,
        DATABASE_URL: 'mysql://root:s3cret-pass@db/app',
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_URL: expected a URL like postgres:\/\//),
        expect.stringMatching(/^PORT: expected a TCP port/),
        expect.stringMatching(/^LOG_LEVEL: expected one of/),
      ]),
    );
    expect((error as ConfigError).message).not.toContain('s3cret-pass');
  });

  it('requires the secrets, saying how to make one', () => {
    expect(() => loadConfig({ JWT_SIGNING_KEY: 'short' })).toThrow(
      expect.objectContaining({
        problems: [
          'JWT_SIGNING_KEY: expected 32 random bytes in base64 (openssl rand -base64 32): signs access tokens',
          'DATA_ENCRYPTION_KEY: expected 32 random bytes in base64 (openssl rand -base64 32): encrypts MFA secrets and tokens at rest',
          'CERTIFICATE_SIGNING_KEY: expected 32 random bytes in base64 (openssl rand -base64 32): the Ed25519 seed that signs certificates',
        ],
      }),
    );
  });

  it('accepts trusted proxies only as IP addresses', () => {
    expect(loadConfig({ ...secrets, TRUSTED_PROXIES: '10.0.0.1, ::1' }).TRUSTED_PROXIES).toBe(
      '10.0.0.1, ::1',
    );
    expect(() => loadConfig({ ...secrets, TRUSTED_PROXIES: 'proxy.internal' })).toThrow(
      ConfigError,
    );
  });
});
