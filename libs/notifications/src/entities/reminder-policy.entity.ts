import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How an organization reminds its people. Days count in each recipient's own calendar; a
 * reminder that falls on a day off moves to the next working day, and every message waits out
 * the recipient's quiet hours (a person without a timezone of their own follows the
 * organization's). An organization without a row follows {@link DEFAULT_REMINDER_POLICY}.
 */
@Entity({ name: 'reminder_policies' })
export class ReminderPolicyEntity {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  /** Remind this many days before the due date (e.g. 7 and 1). */
  @Column({ type: 'int', array: true })
  daysBefore!: number[];

  /** Remind this many days after the due date (e.g. 1 and 7). */
  @Column({ type: 'int', array: true })
  daysOverdue!: number[];

  /** Tell the learner's manager once the learning is this many days overdue; null: never. */
  @Column({ type: 'int', nullable: true })
  escalateAfterDays!: number | null;

  /** ISO weekday (1 = Monday) of the admins' weekly overdue summary; null: none. */
  @Column({ type: 'int', nullable: true })
  adminSummaryWeekday!: number | null;

  /** Local time of day reminders are sent ("HH:MM"). */
  @Column({ type: 'text' })
  sendTime!: string;

  /** Local quiet hours ("HH:MM", may wrap midnight): nothing is delivered in between. */
  @Column({ type: 'text' })
  quietHoursStart!: string;

  @Column({ type: 'text' })
  quietHoursEnd!: string;

  /** ISO weekdays on which reminders are delivered. */
  @Column({ type: 'int', array: true })
  workingDays!: number[];

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export type ReminderPolicy = Omit<
  ReminderPolicyEntity,
  'organizationId' | 'updatedBy' | 'updatedAt'
>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: [7, 1],
  daysOverdue: [1, 7],
  escalateAfterDays: 7,
  adminSummaryWeekday: 1,
  sendTime: '09:00',
  quietHoursStart: '20:00',
  quietHoursEnd: '08:00',
  workingDays: [1, 2, 3, 4, 5],
};
