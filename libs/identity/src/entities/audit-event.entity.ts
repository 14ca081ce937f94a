import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';
export type ActorType = 'USER' | 'API_KEY' | 'SYSTEM' | 'ANONYMOUS';

/**
 * An append-only record of a security-relevant event. The database refuses UPDATE, DELETE and
 * TRUNCATE on this table; each row stores the hash of the previous row of its organization, so
 * any change to history breaks the chain that `audit verify` walks.
 */
@Entity({ name: 'audit_events' })
@Unique('uq_audit_events_organization_id_sequence', ['organizationId', 'sequence'])
@Index('ix_audit_events_organization_id_occurred_at', ['organizationId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  /** Position in the organization's chain, from 1. */
  @Column({ type: 'bigint' })
  sequence!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  actorType!: ActorType;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** e.g. `auth.sign_in`, `user.role_changed`, `api_key.created`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  targetType!: string | null;

  @Column({ type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  /** Facts about the event; never a secret, token, password or hash. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ type: 'text' })
  previousHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
