import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import {
  HandlesTopic,
  type OutboxMessage,
  type TopicHandler,
  type TopicOutcome,
} from '@academy/outbox';
import { DataSource } from 'typeorm';
import { Notifier } from '../delivery/notifier.js';
import { PublicLinks } from '../delivery/public-links.js';
import { Recipients } from '../delivery/recipients.js';
import { nextDeliveryTime } from '../reminders/calendar.js';
import { DigestReader } from '../reminders/digest-reader.js';
import { ReminderPolicies } from '../reminders/reminder-policies.js';

/**
 * Sends a person's reminders of a day as one message, in-app and by email, at a moment the
 * policy allows in their timezone (otherwise it waits for the next such moment). The message
 * takes its reminders as it reads them, and a retry takes the same ones again.
 */
@Injectable()
@HandlesTopic('notifications.reminder-digest')
export class ReminderDigestHandler implements TopicHandler<'notifications.reminder-digest'> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Recipients) private readonly recipients: Recipients,
    @Inject(ReminderPolicies) private readonly policies: ReminderPolicies,
    @Inject(DigestReader) private readonly reader: DigestReader,
    @Inject(Notifier) private readonly notifier: Notifier,
    @Inject(PublicLinks) private readonly links: PublicLinks,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(message: OutboxMessage<'notifications.reminder-digest'>): Promise<TopicOutcome> {
    const { recipientId, sendOn } = message.payload;
    const recipient = await this.recipients.find(message.organizationId, recipientId);
    if (!recipient?.active) return undefined;
    const now = this.clock.now();
    const policy = await this.policies.effective(this.dataSource.manager, message.organizationId);
    const allowed = nextDeliveryTime(now, recipient.timeZone, policy);
    if (allowed > now) return { deferUntil: allowed };

    const digest = await this.reader.take(
      message.organizationId,
      recipientId,
      sendOn,
      message,
      now,
    );
    const hasNews =
      digest.dueSoon.length + digest.overdue.length + digest.reportsOverdue.length > 0 ||
      (digest.organizationOverdue?.length ?? 0) > 0;
    if (!hasNews) {
      await this.reader.release(digest.sentReminderIds);
      return undefined;
    }
    await this.notifier.notify({
      message,
      recipient,
      audience: 'compliance',
      link: '/learning',
      content: {
        kind: 'reminder-digest',
        recipientName: recipient.displayName,
        dueSoon: digest.dueSoon,
        overdue: digest.overdue,
        reportsOverdue: digest.reportsOverdue,
        organizationOverdue: digest.organizationOverdue,
        dashboardUrl: this.links.url('/learning'),
      },
    });
    return undefined;
  }
}
