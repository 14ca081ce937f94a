import { randomUUID, webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'ai-security-academy';
const VERIFIED_CACHE_SIZE = 10_000;
const AUDIENCE = 'ai-security-academy:api';

export interface AccessClaims {
  userId: string;
  organizationId: string;
  sessionId: string;
}

/**
 * Short-lived access tokens (JWT, HS256, key from configuration). They name the session; the
 * session and the person's current role and status are checked on every request, so a
 * revocation or deactivation takes effect at once rather than at expiry.
 */
@Injectable()
export class AccessTokens {
  /**
   * The signing key, imported once: given raw bytes, jose would import them into WebCrypto on
   * every call.
   */
  private readonly key: Promise<webcrypto.CryptoKey>;
  /** Tokens whose signature was checked, with their expiry (bounded; oldest evicted first). */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = webcrypto.subtle.importKey(
      'raw',
      Buffer.from(config.JWT_SIGNING_KEY, 'base64'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async issue(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const token = await new SignJWT({ org: claims.organizationId, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setJti(randomUUID())
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, or null for anything else (expired, forged, malformed). */
  async verify(token: string): Promise<AccessClaims | null> {
    // A token's signature and claims never change: verify each once, then only its expiry.
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      if (known.expiresAt <= Date.now()) return null;
      // Re-inserted as the most recent, so that eviction drops idle tokens, not busy ones.
      this.verified.set(token, known);
      return known.claims;
    }
    const claims = await this.verifySignature(token);
    if (claims) this.remember(token, claims.claims, claims.expiresAt);
    return claims?.claims ?? null;
  }

  private remember(token: string, claims: AccessClaims, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { claims, expiresAt });
  }

  private async verifySignature(
    token: string,
  ): Promise<{ claims: AccessClaims; expiresAt: number } | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const { sub, org, sid, exp } = payload;
      if (typeof sub !== 'string' || typeof org !== 'string' || typeof sid !== 'string' || !exp) {
        return null;
      }
      return {
        claims: { userId: sub, organizationId: org, sessionId: sid },
        expiresAt: exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
