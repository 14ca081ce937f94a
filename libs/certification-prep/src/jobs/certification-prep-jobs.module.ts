import { Module } from '@nestjs/common';
import { NotificationsModule } from '@academy/notifications';
import { WorkerRuntimeModule } from '@academy/queue';
import { CertificationPrepModule } from '../certification-prep.module.js';
import { PracticeNudges } from '../reviews/practice-nudges.js';
import { CertificationPrepProcessor } from './certification-prep.processor.js';
import { ExpireMockExamsJob } from './expire-mock-exams.job.js';
import { PlanPracticeNudgesJob } from './plan-practice-nudges.job.js';

/**
 * Certification prep's queue processor and its recurring jobs (the nudge planner, the mock-exam
 * expiry sweep); only apps/worker imports it.
 */
@Module({
  imports: [WorkerRuntimeModule, CertificationPrepModule, NotificationsModule],
  providers: [
    CertificationPrepProcessor,
    ExpireMockExamsJob,
    PlanPracticeNudgesJob,
    PracticeNudges,
  ],
})
export class CertificationPrepJobsModule {}
