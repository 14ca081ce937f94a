import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
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

/** Puts a notification in a person's inbox and announces it to their live subscriptions. */
@Injectable()
export class InAppNotifier {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(InboxChannel) private readonly channel: InboxChannel,
  ) {}

  async add(notification: NewNotification): Promise<void> {
    // An INSERT answers with its RETURNING rows alone (only UPDATE and DELETE add a count).
    const rows = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO notifications
         (organization_id, user_id, kind, subject, summary, body, link, source_message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (source_message_id, user_id) DO NOTHING RETURNING id`,
      [
        notification.organizationId,
        notification.userId,
        notification.kind,
        notification.subject,
        notification.summary,
        notification.body,
        notification.link,
        notification.sourceMessageId,
      ],
    );
    const id = rows[0]?.id;
    // Live delivery is best effort: the inbox row is the record, and a client that missed the
    // announcement sees the notification on its next list or unread count.
    if (id) await this.redis.publish(this.channel.of(notification.userId), id).catch(() => 0);
  }
}
