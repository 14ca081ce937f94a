import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import type { Queue } from 'bullmq';

/** Keeps certification prep's recurring jobs scheduled (idempotent: every worker may do it). */
@Injectable()
export class CertificationPrepSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue('certification-prep') private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Hourly: a review that falls due during the day still reaches that day's (or, when it has
    // gone out, the next working day's) digest.
    await this.queue.upsertJobScheduler(
      'plan-practice-nudges',
      { every: 3_600_000 },
      {
        name: 'plan-practice-nudges',
        data: {},
        opts: { attempts: 3, removeOnComplete: true, removeOnFail: 100 },
      },
    );
    // Mock exams expire on the quiz attempts' cadence: both are timed by the server.
    await this.queue.upsertJobScheduler(
      'expire-mock-exams',
      { every: this.config.QUIZ_EXPIRY_SWEEP_MS },
      {
        name: 'expire-mock-exams',
        data: {},
        opts: { attempts: 3, removeOnComplete: true, removeOnFail: 100 },
      },
    );
  }
}
