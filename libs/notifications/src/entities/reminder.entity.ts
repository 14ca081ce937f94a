import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ReminderKind = {
  /** The recipient's own learning is due soon. */
  DUE_SOON: 'due-soon',
  /** The recipient's own learning is overdue. */
  OVERDUE: 'overdue',
  /** A direct report's learning is overdue (to the manager). */
  ESCALATION: 'escalation',
  /** The organization's overdue learning, weekly (to each admin; no enrollment). */
  ORGANIZATION_SUMMARY: 'organization-summary',
  /** The recipient's certification practice has reviews due (opted in; no enrollment). */
  PRACTICE_REVIEWS_DUE: 'practice-reviews-due',
} as const;
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind];

export type ReminderStatus = 'pending' | 'sent' | 'cancelled';

/**
 * One thing to tell one person on one day of their calendar. A person's reminders of a day go
 * out together in one digest (an outbox message per person and day), so nobody gets more than
 * one reminder message a day. Reminders are cancelled, never deleted, when the learning is
 * completed, withdrawn or rescheduled: the history shows what was planned and what was sent.
 */
@Entity({ name: 'reminders' })
@Index('ix_reminders_recipient_id_send_on', ['recipientId', 'sendOn'], {
  where: `"status" = 'pending'`,
})
// Also serves cancelling by enrollment: its leading column is enrollment_id.
@Index(
  'uq_reminders_enrollment_id_recipient_id_kind_offset_days',
  ['enrollmentId', 'recipientId', 'kind', 'offsetDays'],
  { unique: true, where: `"status" = 'pending' AND "enrollment_id" IS NOT NULL` },
)
// A digest claimed again takes the reminders it took before.
@Index('ix_reminders_digest_message_id', ['digestMessageId'], {
  where: `"digest_message_id" IS NOT NULL`,
})
@Index('uq_reminders_recipient_id_kind_send_on', ['recipientId', 'kind', 'sendOn'], {
  unique: true,
  where: `"enrollment_id" IS NULL`,
})
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  /** The learning it is about; null for the organization summary and practice nudges. */
  @Column({ type: 'uuid', nullable: true })
  enrollmentId!: string | null;

  @Column({ type: 'text' })
  kind!: ReminderKind;

  /** Days before (due-soon) or after (overdue, escalation) the due date; 0 for the summary. */
  @Column({ type: 'int' })
  offsetDays!: number;

  /** The day in the recipient's timezone, after moving off days off. */
  @Column({ type: 'date' })
  sendOn!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: ReminderStatus;

  /** The digest message that took it: sent with it, or cancelled by it (nothing left to say). */
  @Column({ type: 'uuid', nullable: true })
  digestMessageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
