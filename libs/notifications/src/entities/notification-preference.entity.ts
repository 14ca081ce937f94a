import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person's choice of channels for one kind of optional notice. Compliance reminders have no
 * preference row: they cannot be switched off, only gathered into the daily digest.
 */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'boolean' })
  email!: boolean;

  @Column({ type: 'boolean' })
  inApp!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
