import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import type { Queue } from 'bullmq';

/**
 * Keeps the recurring maintenance jobs scheduled. Upserting a job scheduler is idempotent, so
 * every worker replica may do it at start-up.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue('maintenance') private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const heartbeat = {
      name: 'heartbeat',
      data: {},
      opts: { attempts: 1, removeOnComplete: true, removeOnFail: 100 },
    } as const;
    await this.queue.upsertJobScheduler(
      'worker-heartbeat',
      { every: this.config.WORKER_HEARTBEAT_INTERVAL_MS },
      heartbeat,
    );
    // Scheduled beats fall on interval boundaries; one beat now makes a starting worker visible
    // to readiness at once, and still proves that jobs flow through Redis.
    await this.queue.add(heartbeat.name, heartbeat.data, heartbeat.opts);
  }
}
