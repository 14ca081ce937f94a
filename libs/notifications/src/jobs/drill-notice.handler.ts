import { Inject, Injectable } from '@nestjs/common';
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

/**
 * Invites a participant to a drill run when it is scheduled, and reminds them before it starts
 * (in-app and email, like assigned learning). An invitation to a run that is over, or a reminder
 * for one that has already opened, is dropped.
 */
@Injectable()
@HandlesTopic('drills.participant-notice')
export class DrillNoticeHandler implements TopicHandler<'drills.participant-notice'> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Recipients) private readonly recipients: Recipients,
    @Inject(Notifier) private readonly notifier: Notifier,
    @Inject(PublicLinks) private readonly links: PublicLinks,
  ) {}

  async handle(message: OutboxMessage<'drills.participant-notice'>): Promise<TopicOutcome> {
    const { runId, userId, stage } = message.payload;
    // The role's title comes from the scenario version the run plays.
    const [run] = await this.dataSource.query<
      {
        title: string;
        starts_at: Date;
        status: string;
        role_title: string | null;
        role_slug: string;
      }[]
    >(
      `SELECT r.title, r.starts_at, r.status, p.role_slug,
              (SELECT role->>'title' FROM jsonb_array_elements(v.content->'roles') role
                WHERE role->>'slug' = p.role_slug) AS role_title
         FROM drill_runs r
         JOIN drill_participants p ON p.run_id = r.id AND p.user_id = $3
         JOIN catalog_item_versions v ON v.id = r.scenario_version_id
        WHERE r.id = $1 AND r.organization_id = $2`,
      [runId, message.organizationId, userId],
    );
    const wanted =
      stage === 'reminder'
        ? run?.status === 'scheduled'
        : ['scheduled', 'running', 'paused'].includes(run?.status ?? '');
    if (!run || !wanted) return undefined;
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
        drillTitle: run.title,
        roleTitle: run.role_title ?? run.role_slug,
        startsAt: run.starts_at,
        drillUrl: this.links.url(`/drills/${runId}`),
      },
    });
    return undefined;
  }
}
