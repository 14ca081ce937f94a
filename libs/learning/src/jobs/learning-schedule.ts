import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import type { Queue } from 'bullmq';

/** Keeps learning's recurring jobs scheduled (idempotent: every worker may do it). */
@Injectable()
export class LearningSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue('learning') private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'expire-quiz-attempts',
      { every: this.config.QUIZ_EXPIRY_SWEEP_MS },
      {
        name: 'expire-attempts',
        data: {},
        opts: { attempts: 3, removeOnComplete: true, removeOnFail: 100 },
      },
    );
  }
}
