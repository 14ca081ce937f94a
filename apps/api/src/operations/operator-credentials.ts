import { digestsEqual, hashToken } from '@academy/common';

/**
 * The secret an Authorization header carries: a bearer token, or the password of HTTP Basic
 * (browsers ask for Basic; the user name is not checked).
 */
function secretOf(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.split(' ', 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(colon + 1);
}

/**
 * Whether an Authorization header carries the operator token. The SHA-256 digests are compared
 * in constant time, so neither the token's content nor its length shows in the response time.
 */
export function carriesOperatorToken(authorization: string | undefined, token: string): boolean {
  const secret = secretOf(authorization);
  return secret !== null && digestsEqual(hashToken(secret), hashToken(token));
}
