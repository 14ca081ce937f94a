import type { DefaultJobOptions } from 'bullmq';

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, ...), bounded retention of finished jobs so
 * Redis memory stays flat, and failed jobs kept long enough to inspect.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};
