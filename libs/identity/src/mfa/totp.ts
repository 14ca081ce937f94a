import { Secret, TOTP } from 'otpauth';

const ISSUER = 'AI Security Academy';
const PERIOD_SECONDS = 30;

/** RFC 6238 TOTP: SHA-1, 6 digits, 30-second steps, as every authenticator app supports. */
function totpFor(base32Secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(base32Secret),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from a QR code. */
export function totpUri(base32Secret: string, label: string): string {
  return totpFor(base32Secret, label).toString();
}

/**
 * The time step a code belongs to, accepting one step of clock drift either way, or null when
 * the code is wrong. Callers refuse steps at or before the last one accepted (no replay).
 */
export function matchingTotpStep(
  base32Secret: string,
  code: string,
  now = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32Secret, 'verify').validate({
    token: code,
    timestamp: now,
    window: 1,
  });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code, for tests that play the authenticator app. */
export function currentTotpCode(base32Secret: string, now = Date.now()): string {
  return totpFor(base32Secret, 'generate').generate({ timestamp: now });
}
