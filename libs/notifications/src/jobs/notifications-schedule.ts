import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Keeps the notifications' recurring jobs scheduled (idempotent: every worker may do it). */
@Injectable()
export class NotificationsSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue('notifications') private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'plan-weekly-summaries',
      { every: 3_600_000 },
      {
        name: 'plan-summaries',
        data: {},
        opts: { attempts: 3, removeOnComplete: true, removeOnFail: 100 },
      },
    );
  }
}
