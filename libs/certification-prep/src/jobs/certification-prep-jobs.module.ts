import { Module } from '@nestjs/common';
import { NotificationsModule, PracticeReviews } from '@academy/notifications';
import { WorkerRuntimeModule } from '@academy/queue';
import { CertificationPrepModule } from '../certification-prep.module.js';
import { DueReviews } from '../reviews/due-reviews.js';
import { PracticeNudges } from '../reviews/practice-nudges.js';
import { CertificationPrepProcessor } from './certification-prep.processor.js';
import { ExpireMockExamsJob } from './expire-mock-exams.job.js';
import { PlanPracticeNudgesJob } from './plan-practice-nudges.job.js';

/**
 * Certification prep's queue processor and its recurring jobs (the nudge planner, the mock-exam
 * expiry sweep), and its answer to notifications' PracticeReviews (whether a nudge still holds
 * when the digest goes out); only apps/worker imports it.
 */
@Module({
  imports: [WorkerRuntimeModule, CertificationPrepModule, NotificationsModule],
  providers: [
    CertificationPrepProcessor,
    ExpireMockExamsJob,
    PlanPracticeNudgesJob,
    PracticeNudges,
    { provide: PracticeReviews, useExisting: DueReviews },
  ],
  exports: [PracticeReviews],
})
export class CertificationPrepJobsModule {}
