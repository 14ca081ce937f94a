import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, LOGGER, type AppConfig } from '@academy/common';
import type { Logger } from 'pino';
import { checkJobHandlers } from '../check-job-handlers.js';
import {
  JOB_HANDLER_METADATA,
  RECURRING_JOB_METADATA,
  type JobHandlerTarget,
  type Recurrence,
} from '../job-handler.js';
import { JOB_REGISTRY_TOKEN, type JobRegistry } from '../job-registry.js';
import { JobHandlerRegistry } from './job-handler-registry.js';
import { QueueProcessor } from './queue-processor.js';
import { RecurringJobs } from './recurring-jobs.js';

/**
 * Starts the worker's queue processors once every handler is accounted for (a registered job
 * name without exactly one handler stops the process at boot rather than failing jobs later),
 * and schedules the recurring jobs.
 * On shutdown it closes the processors first, letting in-flight jobs finish while the database
 * and Redis connections are still open.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private processors: QueueProcessor[] = [];

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(JobHandlerRegistry) private readonly handlers: JobHandlerRegistry,
    @Inject(RecurringJobs) private readonly recurring: RecurringJobs,
    @Inject(JOB_REGISTRY_TOKEN) private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const providers = this.discovery.getProviders().filter((wrapper) => wrapper.instance);
    const found = providers.flatMap((wrapper) => {
      const instance = wrapper.instance as object;
      const target = Reflect.getMetadata(JOB_HANDLER_METADATA, instance.constructor) as
        JobHandlerTarget | undefined;
      return target ? [{ target, instance }] : [];
    });
    const problems = checkJobHandlers(
      this.registry,
      found.map(({ target }) => target),
    );
    if (problems.length > 0) {
      throw new Error(`Worker boot check failed:\n${problems.join('\n')}`);
    }
    for (const { target, instance } of found) {
      this.handlers.register(target, instance as Parameters<JobHandlerRegistry['register']>[1]);
    }
    this.processors = providers
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is QueueProcessor => instance instanceof QueueProcessor);
    for (const processor of this.processors) {
      processor.worker.concurrency = this.config.WORKER_CONCURRENCY;
      processor.worker.run().catch((error: unknown) => {
        this.logger.error({ err: error, queue: processor.worker.name }, 'queue processor stopped');
      });
    }
    this.logger.info(
      { queues: this.processors.map((processor) => processor.worker.name) },
      'worker processing queues',
    );
    await this.recurring.start(
      found.flatMap(({ target, instance }) => {
        const recurrence = Reflect.getMetadata(RECURRING_JOB_METADATA, instance.constructor) as
          Recurrence | undefined;
        return recurrence ? [{ target, recurrence }] : [];
      }),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.worker.close()));
  }
}
