import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification: what a person sees in the platform's inbox. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_user_id_created_at_id', ['userId', 'createdAt', 'id'])
@Index('ix_notifications_user_id_unread', ['userId'], { where: '"read_at" IS NULL' })
@Index('uq_notifications_source_message_id_user_id', ['sourceMessageId', 'userId'], {
  unique: true,
})
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  /** What it is about, e.g. `reminder-digest` or `certificate-issued`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Where in the platform it leads. */
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  /** The outbox message it came from: a redelivered message adds no second notification. */
  @Column({ type: 'uuid' })
  sourceMessageId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
