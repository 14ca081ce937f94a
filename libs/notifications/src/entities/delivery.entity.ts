import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryChannel = 'email' | 'in-app' | 'webhook';

/**
 * One message delivered on one channel to one recipient. The unique constraint is what makes a
 * redelivered outbox message skip what already went out; `messageId` is the stable id the
 * receiver sees (email Message-ID, webhook header) to recognise a repeat.
 */
@Entity({ name: 'notification_deliveries' })
@Index(
  'uq_notification_deliveries_outbox_message_id_channel_recipient',
  ['outboxMessageId', 'channel', 'recipient'],
  { unique: true },
)
@Index('ix_notification_deliveries_delivered_at', ['deliveredAt'])
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  outboxMessageId!: string;

  @Column({ type: 'text' })
  channel!: DeliveryChannel;

  /** A user id (email, in-app) or a webhook endpoint id. */
  @Column({ type: 'uuid' })
  recipient!: string;

  @Column({ type: 'text' })
  messageId!: string;

  @Column({ type: 'timestamptz' })
  deliveredAt!: Date;
}
