import type { INestApplicationContext } from '@nestjs/common';
import { QueueRegistry } from '@academy/queue';
import { deleteRedisKeys, startTestWorker, waitFor } from '@academy/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Each recurring job, as `queue/job`, and how often it runs. */
async function scheduled(worker: INestApplicationContext): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const { name, queue } of worker.get(QueueRegistry).all()) {
    for (const scheduler of await queue.getJobSchedulers()) {
      found[`${name}/${scheduler.name}`] = Number(scheduler.every);
    }
  }
  return found;
}

describe('recurring jobs', () => {
  const expected = {
    'maintenance/heartbeat': 15_000,
    'learning/expire-attempts': 30_000,
    'notifications/plan-summaries': 3_600_000,
    'certification-prep/plan-practice-nudges': 3_600_000,
    'certification-prep/expire-mock-exams': 30_000,
  };
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await startTestWorker({
      WORKER_HEARTBEAT_INTERVAL_MS: '15000',
      QUIZ_EXPIRY_SWEEP_MS: '30000',
      RECURRING_JOBS_REFRESH_MS: '300',
    });
  });

  afterAll(async () => {
    await worker.close();
  });

  it('are scheduled by the worker at start, each at its configured interval', async () => {
    expect(await scheduled(worker)).toEqual(expected);
  });

  it('are scheduled again after Redis lost them', async () => {
    // The beat each worker sends at start has run (a job deleted in flight fails loudly).
    const maintenance = worker.get(QueueRegistry).get('maintenance');
    await waitFor(async () => {
      const counts = await maintenance.getJobCounts('wait', 'active');
      return counts.wait === 0 && counts.active === 0;
    }, 'the first heartbeat to finish');
    await deleteRedisKeys(process.env.REDIS_URL ?? '', `${process.env.REDIS_KEY_PREFIX}:*`);
    expect(await scheduled(worker)).toEqual({});
    await waitFor(
      async () => Object.keys(await scheduled(worker)).length === Object.keys(expected).length,
      'the schedules to come back',
    );
    expect(await scheduled(worker)).toEqual(expected);
  });
});
