import { WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry } from './job-handler-registry.js';

/**
 * Base of every queue's processor: hands each job to the one handler of its name. Subclasses
 * only add `@Processor(queue, { autorun: false })`; the worker runtime starts them after the
 * boot check.
 */
export abstract class QueueProcessor extends WorkerHost {
  @Inject(JobHandlerRegistry) private readonly handlers!: JobHandlerRegistry;

  async process(job: Job): Promise<void> {
    await this.handlers.handlerFor(job.queueName, job.name).handle(job.data, job);
  }
}
