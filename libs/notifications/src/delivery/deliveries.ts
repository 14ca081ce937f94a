import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@academy/common';
import { DataSource } from 'typeorm';
import type { DeliveryChannel } from '../entities/delivery.entity.js';

export interface DeliveryTarget {
  organizationId: string;
  outboxMessageId: string;
  channel: DeliveryChannel;
  /** A user id or a webhook endpoint id. */
  recipient: string;
}

/**
 * Delivers each (message, channel, recipient) once: what is recorded as delivered is skipped
 * when a message runs again after a failure elsewhere or a worker's death. The only repeat left
 * is a send whose record did not commit; it carries the same message id, so the receiver can
 * tell (the unavoidable at-least-once edge of any delivery over a network).
 */
@Injectable()
export class Deliveries {
  private readonly host: string;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.host = new URL(config.PUBLIC_URL).hostname;
  }

  /** The stable id of a delivery, in Message-ID form. */
  messageIdOf(target: DeliveryTarget): string {
    return `<${target.outboxMessageId}.${target.channel}.${target.recipient}@${this.host}>`;
  }

  async once(target: DeliveryTarget, send: (messageId: string) => Promise<void>): Promise<void> {
    const [done] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM notification_deliveries
        WHERE outbox_message_id = $1 AND channel = $2 AND recipient = $3`,
      [target.outboxMessageId, target.channel, target.recipient],
    );
    if (done) return;
    await send(this.messageIdOf(target));
    await this.record(target);
  }

  /**
   * Records a delivery made by a channel that is idempotent on its own (an in-app notification
   * is unique per message and person), so it needs no lookup before sending.
   */
  async record(target: DeliveryTarget): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_deliveries
         (organization_id, outbox_message_id, channel, recipient, message_id, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (outbox_message_id, channel, recipient) DO NOTHING`,
      [
        target.organizationId,
        target.outboxMessageId,
        target.channel,
        target.recipient,
        this.messageIdOf(target),
        this.clock.now(),
      ],
    );
  }
}
