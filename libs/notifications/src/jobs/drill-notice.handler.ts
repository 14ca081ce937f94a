import { Inject, Injectable } from '@nestjs/common';
import { DrillRunStatus, OPEN_RUN_STATUSES, ParticipantNotices } from '@academy/drills';
import {
  HandlesTopic,
  type OutboxMessage,
  type OutboxTopicPayloads,
  type TopicHandler,
  type TopicOutcome,
} from '@academy/outbox';
import { Notifier } from '../delivery/notifier.js';
import { PublicLinks } from '../delivery/public-links.js';
import { Recipients } from '../delivery/recipients.js';

/** A reminder is moot once the run has opened; an invitation, once the run is over. */
function stillTimely(
  stage: OutboxTopicPayloads['drills.participant-notice']['stage'],
  status: DrillRunStatus,
): boolean {
  return stage === 'reminder'
    ? status === DrillRunStatus.SCHEDULED
    : OPEN_RUN_STATUSES.includes(status);
}

/**
 * Invites a participant to a drill run when it is scheduled, and reminds them before it starts
 * (in-app and email, like assigned learning). An invitation to a run that is over, or a reminder
 * for one that has already opened, is dropped.
 */
@Injectable()
@HandlesTopic('drills.participant-notice')
export class DrillNoticeHandler implements TopicHandler<'drills.participant-notice'> {
  constructor(
    @Inject(ParticipantNotices) private readonly notices: ParticipantNotices,
    @Inject(Recipients) private readonly recipients: Recipients,
    @Inject(Notifier) private readonly notifier: Notifier,
    @Inject(PublicLinks) private readonly links: PublicLinks,
  ) {}

  async handle(message: OutboxMessage<'drills.participant-notice'>): Promise<TopicOutcome> {
    const { runId, userId, stage } = message.payload;
    const notice = await this.notices.about(message.organizationId, runId, userId);
    if (!notice || !stillTimely(stage, notice.status)) return undefined;
    const recipient = await this.recipients.find(message.organizationId, userId);
    if (!recipient?.active) return undefined;
    await this.notifier.notify({
      message,
      recipient,
      audience: 'compliance',
      link: `/drills/${runId}`,
      content: {
        kind: 'drill-notice',
        stage,
        recipientName: recipient.displayName,
        drillTitle: notice.runTitle,
        roleTitle: notice.roleTitle,
        startsAt: notice.startsAt,
        drillUrl: this.links.url(`/drills/${runId}`),
      },
    });
    return undefined;
  }
}
