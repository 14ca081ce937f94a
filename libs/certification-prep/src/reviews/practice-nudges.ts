import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { ReminderPlanner } from '@academy/notifications';
import { DataSource } from 'typeorm';
import { DueReviews } from './due-reviews.js';

/**
 * The daily practice nudge: certification prep knows who has reviews due; notifications knows
 * who opted in, their timezone, quiet hours and their one digest a day. So prep hands the
 * people with due cards to the reminder planner, which adds a line to their digest (one per
 * person and day, however often this runs) and sends it through the usual pipeline.
 */
@Injectable()
export class PracticeNudges {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DueReviews) private readonly dueReviews: DueReviews,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Plans the nudges of everyone with a review due now; returns how many were planned. */
  async planDue(): Promise<number> {
    const now = this.clock.now();
    // Across everyone, by the index on due: the organizations with a card due, to look at each.
    const organizations = await this.dataSource.query<{ organization_id: string }[]>(
      'SELECT DISTINCT organization_id FROM review_cards WHERE due <= $1',
      [now],
    );
    let planned = 0;
    for (const { organization_id: organizationId } of organizations) {
      const learners = await this.dueReviews.learners(organizationId, now);
      planned += await this.dataSource.transaction((manager) =>
        this.planner.planPracticeNudges(manager, organizationId, learners),
      );
    }
    return planned;
  }
}
