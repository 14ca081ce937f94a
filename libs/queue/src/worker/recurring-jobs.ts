import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@academy/common';
import type { Logger } from 'pino';
import type { JobHandlerTarget, Recurrence } from '../job-handler.js';
import type { QueueName } from '../job-registry.js';
import { QueueRegistry } from '../queue-registry.service.js';

export interface RecurringJob {
  target: JobHandlerTarget;
  recurrence: Recurrence;
}

const OPTIONS = { attempts: 3, removeOnComplete: true, removeOnFail: 100 };

/**
 * Keeps every recurring job scheduled in BullMQ. Upserting a job scheduler is idempotent, so
 * each worker replica does it at start and again every RECURRING_JOBS_REFRESH_MS: a Redis that
 * lost its data (a flush, a failover to an empty replica) gets the schedules back within that
 * time, rather than at the next deployment.
 */
@Injectable()
export class RecurringJobs implements OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(jobs: readonly RecurringJob[]): Promise<void> {
    await this.schedule(jobs);
    for (const { target } of jobs.filter(({ recurrence }) => recurrence.atStart)) {
      await this.queues.get(target.queue as QueueName).add(target.name, {}, OPTIONS);
    }
    this.timer = setInterval(() => {
      this.schedule(jobs).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not refresh the recurring job schedules');
      });
    }, this.config.RECURRING_JOBS_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async schedule(jobs: readonly RecurringJob[]): Promise<void> {
    for (const { target, recurrence } of jobs) {
      await this.queues
        .get(target.queue as QueueName)
        .upsertJobScheduler(
          target.name,
          { every: recurrence.every(this.config) },
          { name: target.name, data: {}, opts: OPTIONS },
        );
    }
  }
}
