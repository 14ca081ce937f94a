import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, type AppConfig } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { OutboxWriter } from '@academy/outbox';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { CertificateEntity } from '../entities/certificate.entity.js';
import type { EnrollmentEntity } from '../entities/enrollment.entity.js';
import type { LearningItem } from '../content/learning-catalog.js';
import { LearningErrors } from '../learning.errors.js';
import { certificateClaims } from './certificate-claims.js';
import { CertificateSigner } from './certificate-signer.js';
import { openBadgeCredential } from './open-badge.js';

export const CertificateStatus = {
  VALID: 'VALID',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
  SUPERSEDED: 'SUPERSEDED',
  INVALID: 'INVALID',
  UNKNOWN: 'UNKNOWN',
} as const;
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];

export interface Verification {
  status: CertificateStatus;
  certificate: CertificateEntity | null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A serial such as ASA-7K3M-Q9XD-2HTW-B4NC: 80 random bits, no look-alike letters. */
function newSerial(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return `ASA-${out.match(/.{4}/g)?.join('-') ?? out}`;
}

/**
 * Issues, verifies, exports and revokes certificates. Verification recomputes the signature
 * over the stored claims, so a row changed in the database answers INVALID.
 */
@Injectable()
export class CertificateService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateSigner) private readonly signer: CertificateSigner,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Issues the certificate of a completed enrollment, superseding the holder's previous one for
   * the same item, and queues the holder's notice, all in the caller's transaction.
   */
  async issueWithin(
    manager: EntityManager,
    enrollment: EnrollmentEntity,
    item: LearningItem,
    validForMonths: number | null,
  ): Promise<CertificateEntity> {
    const [holder] = await manager.query<{ display_name: string; organization_name: string }[]>(
      `SELECT u.display_name, o.name AS organization_name
         FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.organization_id = $2`,
      [enrollment.userId, enrollment.organizationId],
    );
    if (!holder) throw new DomainError(LearningErrors.NOT_FOUND, 'No such person.');
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const expiresAt = validForMonths ? addMonths(issuedAt, validForMonths) : null;
    const fields = {
      organizationId: enrollment.organizationId,
      serial: newSerial(),
      userId: enrollment.userId,
      holderName: holder.display_name,
      organizationName: holder.organization_name,
      itemKind: item.kind,
      itemSlug: item.slug,
      itemTitle: item.title,
      itemVersion: item.version,
      enrollmentId: enrollment.id,
      issuedAt,
      expiresAt,
    };
    const repository = manager.getRepository(CertificateEntity);
    const previous = await repository.findBy({
      organizationId: enrollment.organizationId,
      userId: enrollment.userId,
      itemKind: item.kind,
      itemSlug: item.slug,
      supersededById: IsNull(),
      revokedAt: IsNull(),
    });
    const certificate = await repository.save(
      repository.create({
        ...fields,
        keyId: this.signer.keyId,
        signature: this.signer.sign(certificateClaims(fields)),
      }),
    );
    if (previous.length > 0) {
      await repository.update(
        previous.map((old) => old.id),
        { supersededById: certificate.id },
      );
    }
    await this.outbox.enqueue(manager, {
      organizationId: enrollment.organizationId,
      topic: 'learning.certificate-issued',
      payload: { certificateId: certificate.id },
      dedupeKey: `certificate-issued:${certificate.id}`,
    });
    return certificate;
  }

  /** Anyone may check a serial: what it certifies and whether it still holds. */
  async verify(serial: string, now = new Date()): Promise<Verification> {
    const certificate = await this.dataSource
      .getRepository(CertificateEntity)
      .findOneBy({ serial: serial.trim().toUpperCase() });
    if (!certificate) return { status: 'UNKNOWN', certificate: null };
    return { status: this.statusOf(certificate, now), certificate };
  }

  statusOf(certificate: CertificateEntity, now = new Date()): CertificateStatus {
    if (!this.signer.verify(certificateClaims(certificate), certificate.signature))
      return 'INVALID';
    if (certificate.revokedAt) return 'REVOKED';
    if (certificate.expiresAt && certificate.expiresAt <= now) return 'EXPIRED';
    if (certificate.supersededById) return 'SUPERSEDED';
    return 'VALID';
  }

  /** The holder's own certificate, or (for people managers) one of their people's. */
  async get(organizationId: string, serial: string): Promise<CertificateEntity> {
    const certificate = await this.dataSource
      .getRepository(CertificateEntity)
      .findOneBy({ serial: serial.trim().toUpperCase(), organizationId });
    if (!certificate) throw new DomainError(LearningErrors.NOT_FOUND, 'No such certificate.');
    return certificate;
  }

  /** The certificate as a signed Open Badges 3.0 credential (a VC-JWT) and its JSON-LD. */
  async openBadge(certificate: CertificateEntity) {
    const credential = openBadgeCredential(certificate, this.config.PUBLIC_URL);
    const jwt = await this.signer.signCredential(credential, {
      issuer: credential.issuer.id,
      subject: credential.credentialSubject.id,
      id: credential.id,
      validFrom: certificate.issuedAt,
      validUntil: certificate.expiresAt,
    });
    return { credential, jwt };
  }

  async revoke(actor: Actor, serial: string, reason: string, meta: RequestMeta) {
    const why = reason.trim();
    if (!why || why.length > 500) {
      throw new DomainError(LearningErrors.INVALID_INPUT, 'Give a reason of 1 to 500 characters.');
    }
    return this.dataSource.transaction(async (manager) => {
      const certificate = await manager.getRepository(CertificateEntity).findOne({
        where: { serial: serial.trim().toUpperCase(), organizationId: actor.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!certificate) throw new DomainError(LearningErrors.NOT_FOUND, 'No such certificate.');
      if (certificate.revokedAt) {
        throw new DomainError(
          LearningErrors.ALREADY_REVOKED,
          'This certificate is already revoked.',
        );
      }
      certificate.revokedAt = new Date();
      certificate.revocationReason = why;
      await manager.save(certificate);
      await this.audit.recordBy(manager, actor, 'certificate.revoked', {
        target: { type: 'certificate', id: certificate.id },
        meta,
        details: { serial: certificate.serial, reason: why },
      });
      return certificate;
    });
  }

  /** The issuer's public key, for verifiers. */
  issuer() {
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    return { id: `${base}/issuer`, name: 'AI Security Academy', jwk: this.signer.publicJwk };
  }
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
