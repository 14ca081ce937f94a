import { SetMetadata } from '@nestjs/common';
import type { AppConfig } from '@academy/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayload, QueueName } from './job-registry.js';

export const JOB_HANDLER_METADATA = Symbol('JOB_HANDLER');

export interface JobHandlerTarget {
  queue: string;
  name: string;
}

/** A provider that handles one job name of one queue. */
export interface JobHandler<Queue extends QueueName, Name extends JobName<Queue>> {
  handle(payload: JobPayload<Queue, Name>, job: Job): Promise<void>;
}

/** Marks a provider as the handler of `queue`/`name`; the worker finds it by this mark. */
export const HandlesJob = <Queue extends QueueName>(queue: Queue, name: JobName<Queue>) =>
  SetMetadata(JOB_HANDLER_METADATA, { queue, name } satisfies JobHandlerTarget);

export const RECURRING_JOB_METADATA = Symbol('RECURRING_JOB');

export interface Recurrence {
  /** Milliseconds between runs, from the configuration. */
  every: (config: AppConfig) => number;
  /** Also run once as each worker starts (not only at the first interval's end). */
  atStart?: boolean;
}

/**
 * Marks a job handler's job as recurring: every worker keeps it scheduled (see RecurringJobs).
 * Its payload must be empty.
 */
export const RunsEvery = (recurrence: Recurrence) =>
  SetMetadata(RECURRING_JOB_METADATA, recurrence);
