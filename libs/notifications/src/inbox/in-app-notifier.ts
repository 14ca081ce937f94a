import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { Deliveries } from '../delivery/deliveries.js';
import { InboxChannel } from './inbox-channel.js';

export interface NewNotification {
  organizationId: string;
  userId: string;
  kind: string;
  subject: string;
  summary: string;
  body: string;
  link: string | null;
  sourceMessageId: string;
}

/**
 * Puts a notification in a person's inbox, records it as the message's in-app delivery, and
 * announces it to their live subscriptions.
 */
@Injectable()
export class InAppNotifier {
  constructor(
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(InboxChannel) private readonly channel: InboxChannel,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async add(notification: NewNotification): Promise<void> {
    const delivery = {
      organizationId: notification.organizationId,
      outboxMessageId: notification.sourceMessageId,
      channel: 'in-app' as const,
      recipient: notification.userId,
    };
    // One prepared statement for both rows: this runs for every digest, the platform's busiest
    // message. Both are unique per message and person, so a repeat adds neither.
    const rows = await this.prepared.query<{ id: string }>(
      'in-app-notification',
      `WITH added AS (
         INSERT INTO notifications
           (organization_id, user_id, kind, subject, summary, body, link, source_message_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (source_message_id, user_id) DO NOTHING RETURNING id),
       recorded AS (
         INSERT INTO notification_deliveries
           (organization_id, outbox_message_id, channel, recipient, message_id, delivered_at)
         VALUES ($1, $8, 'in-app', $2, $9, $10)
         ON CONFLICT (outbox_message_id, channel, recipient) DO NOTHING)
       SELECT id FROM added`,
      [
        notification.organizationId,
        notification.userId,
        notification.kind,
        notification.subject,
        notification.summary,
        notification.body,
        notification.link,
        notification.sourceMessageId,
        this.deliveries.messageIdOf(delivery),
        this.clock.now(),
      ],
    );
    const id = rows[0]?.id;
    // Live delivery is best effort: the inbox row is the record, and a client that missed the
    // announcement sees the notification on its next list or unread count.
    if (id) await this.redis.publish(this.channel.of(notification.userId), id).catch(() => 0);
  }
}
