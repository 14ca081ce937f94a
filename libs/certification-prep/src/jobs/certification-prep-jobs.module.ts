import { Module } from '@nestjs/common';
import { NotificationsModule } from '@academy/notifications';
import { WorkerRuntimeModule } from '@academy/queue';
import { CertificationPrepModule } from '../certification-prep.module.js';
import { PracticeNudges } from '../reviews/practice-nudges.js';
import { CertificationPrepProcessor } from './certification-prep.processor.js';
import { CertificationPrepSchedule } from './certification-prep-schedule.js';
import { PlanPracticeNudgesJob } from './plan-practice-nudges.job.js';

/** Certification prep's queue processor, the nudge planner and its schedule; only apps/worker imports it. */
@Module({
  imports: [WorkerRuntimeModule, CertificationPrepModule, NotificationsModule],
  providers: [
    CertificationPrepProcessor,
    CertificationPrepSchedule,
    PlanPracticeNudgesJob,
    PracticeNudges,
  ],
})
export class CertificationPrepJobsModule {}
