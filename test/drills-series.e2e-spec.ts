import type { INestApplicationContext } from '@nestjs/common';
import {
  DRILL_FIXTURE,
  ManualClock,
  importLearningFixture,
  seedOrganization,
  startTestApi,
  startTestWorker,
  waitFor,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeriesOccurrences } from '../libs/drills/src/scheduling/series-occurrences.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const overrides = { OUTBOX_RELAY_INTERVAL_MS: '100', OUTBOX_RECONCILE_INTERVAL_MS: '1000' };

describe('recurring drill series', () => {
  const clock = new ManualClock();
  let api: TestApi;
  let db: DataSource;
  let org: SeededOrganization;
  const workers = new Set<INestApplicationContext>();

  const startWorker = async () => {
    const worker = await startTestWorker(overrides, undefined, clock);
    workers.add(worker);
    return worker;
  };
  const stop = async (worker: INestApplicationContext) => {
    workers.delete(worker);
    await worker.close();
  };
  const advanceTo = async (instant: number) => {
    clock.set(new Date(instant));
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  const gql = async (query: string, variables: Record<string, unknown>) =>
    (await api.graphql<Record<string, { id: string }>>(query, variables, org.admin.auth)).body;
  const scheduleSeries = async (input: Record<string, unknown>) => {
    const body = await gql(
      'mutation S($input: ScheduleDrillSeriesInput!) { scheduleDrillSeries(input: $input) { id } }',
      {
        input: {
          scenarioSlug: 'canary-drill',
          participants: [{ userId: org.learner.id, roleSlug: 'lead' }],
          ...input,
        },
      },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.scheduleDrillSeries?.id ?? '';
  };
  const occurrencesOf = (seriesId: string) =>
    db.query<{ occurs_at: Date; status: string; run_id: string }[]>(
      `SELECT o.occurs_at, r.status, o.run_id FROM drill_series_occurrences o
         JOIN drill_runs r ON r.id = o.run_id WHERE o.series_id = $1 ORDER BY o.occurs_at`,
      [seriesId],
    );
  const runsOf = async (seriesId: string) =>
    Number(
      (
        await db.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM drill_runs WHERE series_id = $1',
          [seriesId],
        )
      )[0]?.n,
    );
  const auditOf = (runId: string) =>
    db.query<{ action: string; actor_type: string; details: Record<string, unknown> }[]>(
      'SELECT action, actor_type, details FROM audit_events WHERE target_id = $1 ORDER BY sequence',
      [runId],
    );

  beforeAll(async () => {
    api = await startTestApi(overrides, undefined, clock);
    db = api.app.get(DataSource);
    await importLearningFixture(api, DRILL_FIXTURE);
    org = await seedOrganization(api, 'drill-series');
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api.close();
  });

  it('creates each occurrence exactly once with two workers, replays, and across restarts', async () => {
    const t0 = clock.now().getTime() + 60 * MINUTE;
    const workerA = await startWorker();
    const workerB = await startWorker();
    const seriesId = await scheduleSeries({
      firstStartsAt: new Date(t0).toISOString(),
      rrule: 'FREQ=DAILY;COUNT=3',
    });
    await waitFor(async () => (await occurrencesOf(seriesId)).length === 1, 'the first occurrence');
    expect((await occurrencesOf(seriesId))[0]).toMatchObject({
      occurs_at: new Date(t0),
      status: 'scheduled',
    });

    // The same occurrence asked for again and again, at once, from both workers: one run.
    const occurrences = [workerA, workerB].map((worker) => worker.get(SeriesOccurrences));
    const results = await Promise.allSettled(
      [...occurrences, ...occurrences].map((occurrence) =>
        occurrence.create(org.id, seriesId, new Date(t0)),
      ),
    );
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    // A redelivered outbox message (a reconciler or a second relay handing it over again) too.
    await db.query(
      `UPDATE outbox_messages SET status = 'pending' WHERE topic = 'drills.series-occurrence'
          AND payload->>'seriesId' = $1 AND payload->>'occursAt' = $2`,
      [seriesId, new Date(t0).toISOString()],
    );
    await waitFor(
      async () =>
        (
          await db.query<unknown[]>(
            `SELECT 1 FROM outbox_messages WHERE topic = 'drills.series-occurrence'
                AND payload->>'seriesId' = $1 AND payload->>'occursAt' = $2 AND status <> 'done'`,
            [seriesId, new Date(t0).toISOString()],
          )
        ).length === 0,
      'the replayed message',
    );
    expect(await runsOf(seriesId)).toBe(1);

    // Day 0: the first run opens and the second occurrence is created.
    await advanceTo(t0 + MINUTE);
    await waitFor(
      async () => (await occurrencesOf(seriesId)).length === 2,
      'the second occurrence',
    );
    await waitFor(
      async () => (await occurrencesOf(seriesId))[0]?.status === 'running',
      'the first run to open',
    );

    // A restart: worker A stops; B alone opens day 1 and creates day 2.
    await stop(workerA);
    await advanceTo(t0 + DAY + MINUTE);
    await waitFor(async () => (await occurrencesOf(seriesId)).length === 3, 'the third occurrence');
    await waitFor(
      async () => (await occurrencesOf(seriesId))[1]?.status === 'running',
      'the second run to open',
    );
    // Both stop; a fresh worker starts after day 2 began and picks up where they left off.
    await stop(workerB);
    await advanceTo(t0 + 2 * DAY + MINUTE);
    const workerC = await startWorker();
    await waitFor(
      async () => (await occurrencesOf(seriesId))[2]?.status === 'running',
      'the third run to open',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const all = await occurrencesOf(seriesId);
    expect(all.map((occurrence) => occurrence.occurs_at.getTime())).toEqual([
      t0,
      t0 + DAY,
      t0 + 2 * DAY,
    ]);
    expect(await runsOf(seriesId)).toBe(3);
    for (const occurrence of all) {
      const opened = (await auditOf(occurrence.run_id)).filter(
        (event) => event.action === 'drills.run_opened',
      );
      expect(opened).toHaveLength(1);
    }
    // COUNT=3: nothing more is asked for.
    const pending = await db.query<unknown[]>(
      `SELECT 1 FROM outbox_messages WHERE topic = 'drills.series-occurrence'
          AND payload->>'seriesId' = $1 AND status <> 'done'`,
      [seriesId],
    );
    expect(pending).toHaveLength(0);
    await stop(workerC);
  });

  it('follows the missed-occurrence policy when no worker opened a run in time: skip, or run late', async () => {
    const t1 = clock.now().getTime() + 3 * DAY;
    const worker = await startWorker();
    const skipping = await scheduleSeries({
      firstStartsAt: new Date(t1).toISOString(),
      rrule: 'FREQ=WEEKLY;COUNT=2',
      missedPolicy: 'SKIP',
    });
    const single = await gql(
      'mutation S($input: ScheduleDrillInput!) { scheduleDrill(input: $input) { id missedPolicy } }',
      {
        input: {
          scenarioSlug: 'canary-drill',
          startsAt: new Date(t1).toISOString(),
          participants: [{ userId: org.learner.id, roleSlug: 'lead' }],
        },
      },
    );
    const lateRunId = single.data?.scheduleDrill?.id ?? '';
    await waitFor(async () => (await occurrencesOf(skipping)).length === 1, 'the occurrence');
    await stop(worker);

    // The workers are down from before the start until 20 minutes after it.
    await advanceTo(t1 + 20 * MINUTE);
    const restarted = await startWorker();
    const skippedRunId = (await occurrencesOf(skipping))[0]?.run_id ?? '';
    await waitFor(
      async () => (await occurrencesOf(skipping))[0]?.status === 'skipped',
      'the missed occurrence to be skipped',
    );
    const skipped = (await auditOf(skippedRunId)).find((e) => e.action === 'drills.run_skipped');
    expect(skipped).toMatchObject({
      actor_type: 'SYSTEM',
      details: { missed: true, policy: 'skip' },
    });
    expect(Number(skipped?.details.lateByMs)).toBeGreaterThan(20 * MINUTE - 5000);
    // The next week's occurrence is still created.
    await waitFor(async () => (await occurrencesOf(skipping)).length === 2, 'the next occurrence');

    await waitFor(
      async () => (await auditOf(lateRunId)).some((event) => event.action === 'drills.run_opened'),
      'the late run to open',
    );
    const opened = (await auditOf(lateRunId)).find((e) => e.action === 'drills.run_opened');
    expect(opened?.details).toMatchObject({ missed: true, policy: 'run-late' });
    const [late] = await db.query<{ status: string }[]>(
      'SELECT status FROM drill_runs WHERE id = $1',
      [lateRunId],
    );
    expect(late?.status).toBe('running');
    await stop(restarted);
  });

  it('refuses a bad recurrence with a clear error and writes nothing', async () => {
    const before = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM drill_series');
    const body = await gql(
      'mutation S($input: ScheduleDrillSeriesInput!) { scheduleDrillSeries(input: $input) { id } }',
      {
        input: {
          scenarioSlug: 'canary-drill',
          firstStartsAt: new Date(clock.now().getTime() + DAY).toISOString(),
          rrule: 'FREQ=MINUTELY',
          participants: [{ userId: org.learner.id, roleSlug: 'lead' }],
        },
      },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('at most hourly');
    expect(await db.query('SELECT count(*) AS n FROM drill_series')).toEqual(before);
  });
});
