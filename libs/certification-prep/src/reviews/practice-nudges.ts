import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { ReminderPlanner } from '@academy/notifications';
import { DataSource } from 'typeorm';

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
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Plans the nudges of everyone with a review due now; returns how many were planned. */
  async planDue(): Promise<number> {
    const due = await this.dataSource.query<{ organization_id: string; user_ids: string[] }[]>(
      `SELECT organization_id, array_agg(DISTINCT user_id) AS user_ids
         FROM review_cards WHERE due <= $1 GROUP BY organization_id`,
      [this.clock.now()],
    );
    let planned = 0;
    for (const { organization_id: organizationId, user_ids: userIds } of due) {
      planned += await this.dataSource.transaction((manager) =>
        this.planner.planPracticeNudges(manager, organizationId, userIds),
      );
    }
    return planned;
  }
}
