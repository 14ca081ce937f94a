import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxTopic } from './outbox-topics.js';

/**
 * pending: waits for its time; queued: handed to the queue; claimed: a worker is acting on it
 * (until `claimedUntil`); done; failed: dead-lettered after its last attempt, for an admin to
 * retry; cancelled: the change that needed it was undone before it was due.
 */
export type OutboxStatus = 'pending' | 'queued' | 'claimed' | 'done' | 'failed' | 'cancelled';

/**
 * Work that must happen after a change commits (send an invitation, a reminder, release a drill
 * inject), written in the same transaction as the change. PostgreSQL is the truth; a relay
 * hands due rows to the queue and a worker claims each row before acting, so nothing is lost or
 * done twice.
 */
@Entity({ name: 'outbox_messages' })
@Index('ix_outbox_messages_status_available_at', ['status', 'availableAt'])
@Index('uq_outbox_messages_organization_id_dedupe_key', ['organizationId', 'dedupeKey'], {
  unique: true,
  where: '"dedupe_key" IS NOT NULL',
})
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  /** What to do, e.g. `identity.invitation`: each topic has one handler. */
  @Column({ type: 'text' })
  topic!: OutboxTopic;

  /** Ids and, where a message must carry a secret, that secret sealed with the data key. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  availableAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  /** Failed attempts so far. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /**
   * How often a worker has claimed it. The first claim knows that none of the message's effects
   * can exist yet, so its handler need not look for earlier deliveries.
   */
  @Column({ type: 'int', default: 0 })
  claims!: number;

  /** When the relay last handed it to the queue: the reconciler re-enqueues what Redis lost. */
  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  /** The claim's lease: a worker that dies mid-message lets it go when this passes. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  /** Why the last attempt failed (a safe summary, never a payload). */
  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** When set, at most one message of the organization carries it (idempotency). */
  @Column({ type: 'text', nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
