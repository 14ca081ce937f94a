import { describe, expect, it } from 'vitest';
import { currentTotpCode, matchingTotpStep, newTotpSecret, totpUri } from './totp.js';

describe('TOTP (RFC 6238)', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 10, 25, 12, 0, 10);

  it('accepts the current code and names its step', () => {
    expect(matchingTotpStep(secret, currentTotpCode(secret, now), now)).toBe(
      Math.floor(now / 30_000),
    );
  });

  it('tolerates one step of drift but not two', () => {
    expect(matchingTotpStep(secret, currentTotpCode(secret, now - 30_000), now)).toBe(
      Math.floor(now / 30_000) - 1,
    );
    expect(matchingTotpStep(secret, currentTotpCode(secret, now - 90_000), now)).toBeNull();
  });

  it('refuses malformed codes', () => {
    expect(matchingTotpStep(secret, '12345', now)).toBeNull();
    expect(matchingTotpStep(secret, 'abcdef', now)).toBeNull();
  });

  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s gives 94287082 (8 digits);
    // its last 6 digits are the 6-digit code.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(currentTotpCode(rfcSecret, 59_000)).toBe('287082');
  });

  it('builds an otpauth URI for QR codes', () => {
    expect(totpUri(secret, 'ada@acme.test')).toMatch(
      /^otpauth:\/\/totp\/AI%20Security%20Academy:ada%40acme\.test\?issuer=AI%20Security%20Academy&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/,
    );
  });
});
