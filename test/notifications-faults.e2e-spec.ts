import {
  importLearningFixture,
  seedOrganization,
  spawnBuilt,
  startSmtpSink,
  startTestApi,
  waitFor,
  type RunningProcess,
  type SmtpSink,
  type TestApi,
} from '@academy/testing';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

/**
 * The worker as a child process, killed or robbed of its Redis in the middle of a batch of
 * reminder digests: every digest still reaches its person, once. "Once" is by the message's
 * stable id (its Message-ID): a worker killed between the mail server's acceptance and the
 * delivery record may leave a repeat of the few messages it had in flight, carrying the same
 * id, which is what lets a receiver recognise it. Nothing is ever lost.
 */

// A Redis database of this file's own, so that flushing it (as FLUSHALL would in production)
// cannot disturb the files running beside it.
const services = inject('services');
const redisUrl = new URL(services.redisUrl);
redisUrl.pathname = '/9';
process.env.REDIS_URL = redisUrl.toString();

const BATCH = 2000;
const CONCURRENCY = 8;
const POLICY = `mutation { updateReminderPolicy(input: { daysBefore: [1], daysOverdue: [],
  escalateAfterDays: null, adminSummaryWeekday: null, sendTime: "09:00",
  quietHoursStart: "00:00", quietHoursEnd: "00:00", workingDays: [1, 2, 3, 4, 5, 6, 7] }) { sendTime } }`;

describe('reminder delivery under faults', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let db: DataSource;
  let redis: Redis;
  let organizationId: string;
  let admin: Record<string, string>;
  const workers: RunningProcess[] = [];

  const startWorker = () => {
    const worker = spawnBuilt('worker', {
      SMTP_URL: smtp.url,
      SMTP_POOL_SIZE: '4',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      OUTBOX_RELAY_INTERVAL_MS: '200',
      OUTBOX_RECONCILE_INTERVAL_MS: '1000',
      OUTBOX_CLAIM_LEASE_MS: '3000',
      LOG_LEVEL: 'warn',
    });
    workers.push(worker);
    return worker;
  };
  /** Digest emails received, and how many distinct ones (by Message-ID). */
  const digestsReceived = () => {
    const digests = smtp.received.filter((email) => email.to[0]?.endsWith('@faults.test'));
    return { raw: digests.length, distinct: new Set(digests.map((email) => email.messageId)).size };
  };
  const outboxCounts = async () =>
    (
      await db.query<{ status: string; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM outbox_messages
          WHERE topic = 'notifications.reminder-digest' GROUP BY status`,
      )
    ).reduce<Record<string, number>>((all, row) => ({ ...all, [row.status]: row.n }), {});

  /** Plans one reminder digest for each of BATCH new people and makes them all due now. */
  let batches = 0;
  const planBatch = async () => {
    batches += 1;
    const people = await db.query<{ id: string }[]>(
      `INSERT INTO users (organization_id, email, display_name, role, status)
       SELECT $1, 'person-' || $3::int || '-' || g || '@faults.test', 'Person ' || g, 'LEARNER', 'ACTIVE'
         FROM generate_series(1, $2::int) AS g RETURNING id`,
      [organizationId, BATCH, batches],
    );
    const assigned = await api.graphql(
      `mutation A($input: AssignLearningInput!) { assignLearning(input: $input) { peopleEnrolled } }`,
      {
        input: {
          itemKind: 'COURSE',
          itemSlug: 'policy',
          userIds: people.map((person) => person.id),
          dueWithinDays: 3,
        },
      },
      admin,
    );
    expect(assigned.body).toEqual({ data: { assignLearning: { peopleEnrolled: BATCH } } });
    const [, due] = await db.query<[unknown[], number]>(
      `UPDATE outbox_messages SET available_at = now()
        WHERE topic = 'notifications.reminder-digest' AND status = 'pending'`,
    );
    expect(due).toBe(BATCH);
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    redis = new Redis(redisUrl.toString());
    await redis.flushdb();
    api = await startTestApi({ SMTP_URL: smtp.url });
    db = api.app.get(DataSource);
    await importLearningFixture(api);
    const org = await seedOrganization(api, 'faults');
    organizationId = org.id;
    admin = org.admin.auth;
    const policy = await api.graphql(POLICY, {}, admin);
    expect(policy.body.errors).toBeUndefined();
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    await db.query(`DELETE FROM notification_deliveries`);
    await db.query(`DELETE FROM outbox_messages WHERE topic = 'notifications.reminder-digest'`);
    await planBatch();
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGTERM');
        await worker.exited;
      }
    }
  });

  afterAll(async () => {
    await redis.flushdb();
    redis.disconnect();
    await api.close();
    await smtp.close();
  });

  const expectEveryoneOnce = async () => {
    // Jobs a killed worker held stay locked until BullMQ's stalled check (30 s) frees them.
    await waitFor(
      async () => (await outboxCounts()).done === BATCH,
      'every digest to be done',
      180_000,
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(await outboxCounts())}`);
    });
    const received = digestsReceived();
    expect(received.distinct).toBe(BATCH);
    const recipients = new Set(
      smtp.received.flatMap((email) => email.to).filter((to) => to.endsWith('@faults.test')),
    );
    expect(recipients.size).toBe(BATCH);
    const [deliveries] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE channel = 'email'`,
    );
    expect(deliveries?.n).toBeGreaterThanOrEqual(BATCH);
    return received;
  };

  it(`SIGKILL in the middle of ${BATCH} digests: after a restart every one arrives, once by its id`, async () => {
    const first = startWorker();
    await waitFor(() => digestsReceived().raw >= BATCH / 4, 'a quarter of the batch', 60_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(digestsReceived().raw).toBeLessThan(BATCH);

    startWorker();
    const received = await expectEveryoneOnce();
    // Only messages in flight at the kill can repeat, each under its own Message-ID.
    expect(received.raw - received.distinct).toBeLessThanOrEqual(CONCURRENCY);
  }, 300_000);

  it(`Redis flushed in the middle of ${BATCH} digests: the reconciler re-enqueues what it lost`, async () => {
    startWorker();
    await waitFor(() => digestsReceived().raw >= BATCH / 4, 'a quarter of the batch', 60_000);
    await redis.flushdb();
    const received = await expectEveryoneOnce();
    expect(received.raw).toBe(BATCH);
  }, 300_000);

  it(`two workers at once deliver each of ${BATCH} digests exactly once`, async () => {
    startWorker();
    startWorker();
    const received = await expectEveryoneOnce();
    expect(received.raw).toBe(BATCH);
  }, 300_000);
});
