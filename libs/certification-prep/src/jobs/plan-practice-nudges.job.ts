import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, RunsEvery, type JobHandler } from '@academy/queue';
import { PracticeNudges } from '../reviews/practice-nudges.js';

/** Asks notifications to nudge, in their daily digest, the learners with reviews due. */
@Injectable()
@HandlesJob('certification-prep', 'plan-practice-nudges')
// Hourly: a review that falls due during the day still reaches that day's (or, when it has gone
// out, the next working day's) digest.
@RunsEvery({ every: () => 3_600_000 })
export class PlanPracticeNudgesJob implements JobHandler<
  'certification-prep',
  'plan-practice-nudges'
> {
  constructor(@Inject(PracticeNudges) private readonly nudges: PracticeNudges) {}

  async handle(): Promise<void> {
    await this.nudges.planDue();
  }
}
