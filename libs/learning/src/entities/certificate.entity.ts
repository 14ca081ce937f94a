import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LearningItemKind } from './assignment.entity.js';

/**
 * Proof that a person completed a course or track, signed with the platform's Ed25519 key over
 * its claims (see certificate-claims.ts) so that a changed row no longer verifies. A
 * recertification supersedes the previous certificate rather than changing it.
 */
@Entity({ name: 'certificates' })
@Index('uq_certificates_serial', ['serial'], { unique: true })
@Index('ix_certificates_organization_id_user_id', ['organizationId', 'userId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  serial!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  holderName!: string;

  @Column({ type: 'text' })
  organizationName!: string;

  @Column({ type: 'text' })
  itemKind!: LearningItemKind;

  @Column({ type: 'text' })
  itemSlug!: string;

  @Column({ type: 'text' })
  itemTitle!: string;

  @Column({ type: 'int' })
  itemVersion!: number;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  supersededById!: string | null;

  /** Which key signed it (a thumbprint of the public key). */
  @Column({ type: 'text' })
  keyId!: string;

  /** Ed25519 over the canonical JSON of the claims, base64url. */
  @Column({ type: 'text' })
  signature!: string;
}
