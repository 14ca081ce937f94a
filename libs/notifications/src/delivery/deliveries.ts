import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@academy/common';
import { PreparedQueries } from '@academy/database';
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
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.host = new URL(config.PUBLIC_URL).hostname;
  }

  /** The stable id of a delivery, in Message-ID form. */
  messageIdOf(target: DeliveryTarget): string {
    return `<${target.outboxMessageId}.${target.channel}.${target.recipient}@${this.host}>`;
  }

  /**
   * Sends unless already delivered. On the message's first claim nothing can have been
   * delivered yet, so the lookup is skipped (it is a statement per message on the busiest path).
   */
  async once(
    target: DeliveryTarget,
    firstClaim: boolean,
    send: (messageId: string) => Promise<void>,
  ): Promise<void> {
    if (!firstClaim) {
      const [done] = await this.prepared.query(
        'delivery-done',
        `SELECT 1 FROM notification_deliveries
          WHERE outbox_message_id = $1 AND channel = $2 AND recipient = $3`,
        [target.outboxMessageId, target.channel, target.recipient],
      );
      if (done) return;
    }
    await send(this.messageIdOf(target));
    await this.record(target);
  }

  private async record(target: DeliveryTarget): Promise<void> {
    await this.prepared.query(
      'delivery-record',
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
