import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@academy/queue';
import { PracticeNudges } from '../reviews/practice-nudges.js';

/** Asks notifications to nudge, in their daily digest, the learners with reviews due. */
@Injectable()
@HandlesJob('certification-prep', 'plan-practice-nudges')
export class PlanPracticeNudgesJob implements JobHandler<
  'certification-prep',
  'plan-practice-nudges'
> {
  constructor(@Inject(PracticeNudges) private readonly nudges: PracticeNudges) {}

  async handle(): Promise<void> {
    await this.nudges.planDue();
  }
}
