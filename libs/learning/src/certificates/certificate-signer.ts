import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { SignJWT, type JWK } from 'jose';

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The platform's Ed25519 certificate key, derived from the CERTIFICATE_SIGNING_KEY seed. Signs
 * certificate claims and Open Badges credentials; publishes the public key (as a JWK with its
 * RFC 7638 thumbprint as key id) so that anyone can check them without calling us.
 */
@Injectable()
export class CertificateSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly publicJwk: JWK & { kid: string };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const seed = Buffer.from(config.CERTIFICATE_SIGNING_KEY, 'base64');
    this.privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.publicKey = createPublicKey(this.privateKey);
    const { crv, kty, x } = this.publicKey.export({ format: 'jwk' });
    const thumbprint = createHash('sha256')
      .update(JSON.stringify({ crv, kty, x }))
      .digest('base64url');
    this.publicJwk = { kty, crv, x, kid: thumbprint, alg: 'EdDSA', use: 'sig' };
  }

  get keyId(): string {
    return this.publicJwk.kid;
  }

  sign(document: string): string {
    return sign(null, Buffer.from(document), this.privateKey).toString('base64url');
  }

  verify(document: string, signature: string): boolean {
    try {
      return verify(
        null,
        Buffer.from(document),
        this.publicKey,
        Buffer.from(signature, 'base64url'),
      );
    } catch {
      return false;
    }
  }

  /**
   * A VC-JWT (Open Badges 3.0, section 8.2): the credential is the payload, with the registered
   * claims derived from it; the header names the key and carries it, as the spec asks.
   */
  async signCredential(
    credential: Record<string, unknown>,
    claims: {
      issuer: string;
      subject: string;
      id: string;
      validFrom: Date;
      validUntil: Date | null;
    },
  ): Promise<string> {
    const { kid, ...jwk } = this.publicJwk;
    const jwt = new SignJWT(credential)
      .setProtectedHeader({
        alg: 'EdDSA',
        typ: 'JWT',
        kid,
        jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
      })
      .setIssuer(claims.issuer)
      .setSubject(claims.subject)
      .setJti(claims.id)
      .setNotBefore(Math.floor(claims.validFrom.getTime() / 1000));
    if (claims.validUntil) jwt.setExpirationTime(Math.floor(claims.validUntil.getTime() / 1000));
    return jwt.sign(this.privateKey);
  }
}
