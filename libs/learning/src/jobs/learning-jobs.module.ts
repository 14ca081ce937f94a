import { Module } from '@nestjs/common';
import { WorkerRuntimeModule } from '@academy/queue';
import { LearningModule } from '../learning.module.js';
import { ExpireAttemptsJob } from './expire-attempts.job.js';
import { LearningProcessor } from './learning.processor.js';

/** Learning's queue processor, handlers and schedule; only apps/worker imports it. */
@Module({
  imports: [WorkerRuntimeModule, LearningModule],
  providers: [LearningProcessor, ExpireAttemptsJob],
})
export class LearningJobsModule {}
