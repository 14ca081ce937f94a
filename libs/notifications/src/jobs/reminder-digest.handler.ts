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
import { OptionalNoticeKind } from '../preferences/notice-kinds.js';
import { NotificationPreferences } from '../preferences/notification-preferences.js';
import { nextDeliveryTime } from '../reminders/calendar.js';
import { DigestReader } from '../reminders/digest-reader.js';
import { PracticeReviews } from '../reminders/practice-reviews.js';
import { ReminderPolicies } from '../reminders/reminder-policies.js';

/** Where a learner reviews the certification-practice questions that are due. */
const PRACTICE_PATH = '/practice/reviews';

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
    @Inject(NotificationPreferences) private readonly preferences: NotificationPreferences,
    @Inject(PracticeReviews) private readonly practiceReviews: PracticeReviews,
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
    const compliance =
      digest.dueSoon.length + digest.overdue.length + digest.reportsOverdue.length > 0 ||
      (digest.organizationOverdue?.length ?? 0) > 0;
    // Asked again at sending: a learner who opted out, or has no review due any more (answered,
    // or its question retired), since the nudge was planned hears nothing of practice.
    const practice =
      digest.practiceReviewsDue &&
      (await this.practiceNudgeHolds(message.organizationId, recipientId, now));
    if (!compliance && !practice) {
      await this.reader.release(digest.sentReminderIds);
      return undefined;
    }
    await this.notifier.notify({
      message,
      recipient,
      // A nudge alone goes by the channels its learner chose; beside compliance reminders it
      // rides in their message, so that nobody gets two messages a day.
      audience: compliance ? 'compliance' : OptionalNoticeKind.PRACTICE_REVIEWS_DUE,
      link: compliance ? '/learning' : PRACTICE_PATH,
      content: {
        kind: 'reminder-digest',
        recipientName: recipient.displayName,
        dueSoon: digest.dueSoon,
        overdue: digest.overdue,
        reportsOverdue: digest.reportsOverdue,
        organizationOverdue: digest.organizationOverdue,
        practiceReviewsUrl: practice ? this.links.url(PRACTICE_PATH) : null,
        dashboardUrl: this.links.url('/learning'),
      },
    });
    return undefined;
  }

  private async practiceNudgeHolds(
    organizationId: string,
    recipientId: string,
    now: Date,
  ): Promise<boolean> {
    const choice = await this.preferences.of(recipientId, OptionalNoticeKind.PRACTICE_REVIEWS_DUE);
    return (
      (choice.email || choice.inApp) &&
      (await this.practiceReviews.anyDue(organizationId, recipientId, now))
    );
  }
}
