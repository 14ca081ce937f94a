import {
  DRILL_FIXTURE,
  importLearningFixture,
  seedOrganization,
  spawnBuilt,
  startSmtpSink,
  startTestApi,
  waitFor,
  type RunningProcess,
  type SeededOrganization,
  type SmtpSink,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERIES = 20;
const START_IN_MS = 5000;

/**
 * Series occurrences with the worker as real processes on the real clock: two workers race
 * from the start, one is killed with SIGKILL as the first occurrences open (and the second
 * ones are created), and a fresh worker takes over.
 */
describe('recurring drill series with worker processes', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let db: DataSource;
  let org: SeededOrganization;
  const workers: RunningProcess[] = [];

  const startWorker = () => {
    const worker = spawnBuilt('worker', {
      SMTP_URL: smtp.url,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      OUTBOX_RECONCILE_INTERVAL_MS: '1000',
      OUTBOX_CLAIM_LEASE_MS: '3000',
      LOG_LEVEL: 'warn',
    });
    workers.push(worker);
    return worker;
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }[]>(sql, params))[0]?.n);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startTestApi({ SMTP_URL: smtp.url });
    db = api.app.get(DataSource);
    await importLearningFixture(api, DRILL_FIXTURE);
    org = await seedOrganization(api, 'drill-series-faults');
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGTERM');
        await worker.exited;
      }
    }
    await api.close();
    await smtp.close();
  });

  it('creates and opens each occurrence once with two workers, one killed mid-way and a restart', async () => {
    const first = startWorker();
    startWorker();
    const firstStartsAt = new Date(Date.now() + START_IN_MS);
    for (let series = 0; series < SERIES; series++) {
      const { body } = await api.graphql(
        'mutation S($input: ScheduleDrillSeriesInput!) { scheduleDrillSeries(input: $input) { id } }',
        {
          input: {
            scenarioSlug: 'canary-drill',
            firstStartsAt: firstStartsAt.toISOString(),
            rrule: 'FREQ=HOURLY;COUNT=2',
            participants: [{ userId: org.learner.id, roleSlug: 'lead' }],
          },
        },
        org.admin.auth,
      );
      expect(body.errors).toBeUndefined();
    }
    // The first occurrences are created at once; the second ones as the first ones start.
    await waitFor(
      async () => (await count('SELECT count(*) AS n FROM drill_series_occurrences')) >= SERIES,
      'the first occurrences',
    );
    await new Promise((resolve) => setTimeout(resolve, firstStartsAt.getTime() - Date.now()));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    startWorker();

    // Jobs the killed worker held stay locked until BullMQ's stalled check (30 s) frees them.
    await waitFor(
      async () =>
        (await count(`SELECT count(*) AS n FROM drill_runs WHERE status = 'running'`)) === SERIES &&
        (await count('SELECT count(*) AS n FROM drill_series_occurrences')) === 2 * SERIES,
      'every first run to open and every second occurrence',
      180_000,
    ).catch(async (error: unknown) => {
      const outbox = await db.query<{ topic: string; status: string; n: number }[]>(
        `SELECT topic, status, count(*)::int AS n FROM outbox_messages
          WHERE topic LIKE 'drills.%' GROUP BY topic, status ORDER BY topic, status`,
      );
      throw new Error(`${String(error)}: ${JSON.stringify(outbox)}`);
    });
    // Let anything in flight or re-enqueued after the kill settle, then count once more.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await count('SELECT count(*) AS n FROM drill_series_occurrences')).toBe(2 * SERIES);
    expect(
      await count(
        'SELECT count(DISTINCT (series_id, occurs_at)) AS n FROM drill_series_occurrences',
      ),
    ).toBe(2 * SERIES);
    expect(await count('SELECT count(*) AS n FROM drill_runs WHERE series_id IS NOT NULL')).toBe(
      2 * SERIES,
    );
    expect(await count(`SELECT count(*) AS n FROM drill_runs WHERE status = 'running'`)).toBe(
      SERIES,
    );
    expect(
      await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'drills.run_opened'`),
    ).toBe(SERIES);
    expect(await count(`SELECT count(*) AS n FROM drill_run_events WHERE kind = 'opened'`)).toBe(
      SERIES,
    );
    // Each opened run released its two minute-0 injects once.
    expect(await count('SELECT count(*) AS n FROM drill_inject_releases')).toBe(2 * SERIES);
  }, 300_000);
});
