import { spawn } from 'node:child_process';
import { Socket, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT, SystemClock, type AppConfig } from '@academy/common';
import { PreparedQueries, StatementCounter } from '@academy/database';
import { OutboxLedger, OutboxRelay } from '@academy/outbox';
import { openPlatformDataSource } from '@academy/platform';
import { DEFAULT_JOB_OPTIONS, redisConnectionOptions } from '@academy/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { digestIdSql } from '../../libs/notifications/src/reminders/digest-id.js';
import { CONCURRENT_JOBS, SMTP_CONNECTIONS } from './delivery-settings.js';
import type { BenchContext } from './seed.js';

/** Due reminder digests each run relays or delivers: one per learner. */
const RELAYED = 10_000;
const DELIVERED = 3_000;
const RUNS = 3;
const PREFIX = 'academy-bench-outbox';
const DATABASE_CONNECTIONS = 20;

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

interface Bench {
  db: pg.Pool;
  config: AppConfig;
  context: BenchContext;
}

/**
 * One due reminder per learner (about one of their open enrollments, due tomorrow) and the
 * digest message that sends it, as the reminder planner writes them; returns the message ids.
 */
async function planDueDigests(db: pg.Pool, context: BenchContext, count: number): Promise<void> {
  await db.query(
    `DELETE FROM outbox_messages WHERE topic = 'notifications.reminder-digest';
     DELETE FROM reminders;`,
  );
  await db.query(
    `WITH chosen AS (
       SELECT DISTINCT ON (e.user_id) e.id, e.user_id FROM enrollments e
        WHERE e.organization_id = $1 AND e.status IN ('not-started', 'in-progress')
        ORDER BY e.user_id, e.id LIMIT $2),
     dated AS (
       UPDATE enrollments e SET due_at = now() + interval '1 day'
         FROM chosen WHERE e.id = chosen.id RETURNING e.id, e.user_id),
     reminded AS (
       INSERT INTO reminders (organization_id, recipient_id, enrollment_id, kind, offset_days, send_on)
       SELECT $1, user_id, id, 'due-soon', 1, current_date FROM dated RETURNING recipient_id, send_on)
     INSERT INTO outbox_messages (id, organization_id, topic, payload, available_at)
     SELECT ${digestIdSql('r')}, $1, 'notifications.reminder-digest',
            jsonb_build_object('recipientId', recipient_id, 'sendOn', send_on), now()
       FROM reminded r`,
    [context.organizationId, count],
  );
}

/**
 * The outbox relay handing 10,000 due messages to BullMQ (product OutboxLedger and OutboxRelay:
 * the claiming UPDATE in batches of 1,000, then addBulk with jobId = row id), against BullMQ's
 * addBulk of the same 10,000 jobs alone. Also reports Redis memory per queued message.
 */
export async function timeRelay({ db, config, context }: Bench) {
  const dataSource = await openPlatformDataSource(config, 'academy-bench');
  const connection = redisConnectionOptions(config.REDIS_URL);
  const queue = new Queue('outbox', {
    connection,
    prefix: PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  const redis = new Redis(connection);
  const prepared = new PreparedQueries(dataSource, new StatementCounter());
  const ledger = new OutboxLedger(dataSource, prepared, new SystemClock(), config);
  const relay = new OutboxRelay(queue, ledger);
  const usedMemory = async () =>
    Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? Number.NaN);
  const api: number[] = [];
  const baseline: number[] = [];
  const bytesPerMessage: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await queue.obliterate({ force: true });
      await planDueDigests(db, context, RELAYED);
      await db.query('VACUUM ANALYZE outbox_messages');
      const before = await usedMemory();
      const started = process.hrtime.bigint();
      const relayed = await relay.relayDue();
      api.push(seconds(started));
      if (relayed !== RELAYED) throw new Error(`relayed ${relayed}, not ${RELAYED}`);
      bytesPerMessage.push((await usedMemory()) - before);

      await queue.obliterate({ force: true });
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM outbox_messages WHERE topic = 'notifications.reminder-digest'`,
      );
      const bare = process.hrtime.bigint();
      for (let start = 0; start < rows.length; start += 1000) {
        await queue.addBulk(
          rows.slice(start, start + 1000).map(({ id }) => ({
            name: 'deliver',
            data: { messageId: id },
            opts: { jobId: id, removeOnComplete: true, removeOnFail: true },
          })),
        );
      }
      baseline.push(seconds(bare));
    }
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    await dataSource.destroy();
  }
  const perMessage = bytesPerMessage.map((bytes) => Math.round(bytes / RELAYED));
  return {
    api,
    baseline,
    note: `Redis memory per queued outbox message (a job holding the message id only): ${perMessage.join(', ')} bytes (runs)`,
  };
}

/** An SMTP server in this process that accepts and counts every message. */
async function smtpSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  // Its replies are short lines too (see EmailSender on Nagle's algorithm).
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * The worker (a child process, pooled SMTP) delivering 3,000 due reminder digests, each read,
 * rendered and sent by email and in-app, timed from its first email to its last (the delivery
 * rate; start-up, which a long-running worker pays once, is reported beside it); against
 * nodemailer alone sending 3,000 emails of the same size over the same pool.
 */
export async function timeDelivery({ db, config, context }: Bench) {
  const sink = await smtpSink();
  await db.query(
    `INSERT INTO reminder_policies (organization_id, days_before, days_overdue, escalate_after_days,
       admin_summary_weekday, send_time, quiet_hours_start, quiet_hours_end, working_days)
     VALUES ($1, '{1}', '{}', NULL, NULL, '09:00', '00:00', '00:00', '{1,2,3,4,5,6,7}')
     ON CONFLICT (organization_id) DO UPDATE SET quiet_hours_start = '00:00', quiet_hours_end = '00:00',
       working_days = '{1,2,3,4,5,6,7}'`,
    [context.organizationId],
  );
  const api: number[] = [];
  const withStartUp: number[] = [];
  const baseline: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await planDueDigests(db, context, DELIVERED);
      await db.query('DELETE FROM notification_deliveries');
      await db.query('VACUUM ANALYZE outbox_messages');
      const started = process.hrtime.bigint();
      const worker = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/apps/worker/src/main.js')], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: config.DATABASE_URL,
          REDIS_KEY_PREFIX: PREFIX,
          SMTP_URL: sink.url,
          LOG_LEVEL: 'warn',
          MIGRATE_ON_START: 'false',
          OUTBOX_RELAY_INTERVAL_MS: '100',
          SMTP_POOL_SIZE: String(SMTP_CONNECTIONS),
          WORKER_CONCURRENCY: String(CONCURRENT_JOBS),
          DATABASE_POOL_MAX: String(DATABASE_CONNECTIONS),
        },
        stdio: 'ignore',
      });
      try {
        for (;;) {
          const { rows } = await db.query<{ done: number }>(
            `SELECT count(*)::int AS done FROM outbox_messages
              WHERE topic = 'notifications.reminder-digest' AND status = 'done'`,
          );
          if ((rows[0]?.done ?? 0) >= DELIVERED) break;
          if (seconds(started) > 300) throw new Error('the worker did not deliver within 300 s');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        withStartUp.push(seconds(started));
      } finally {
        worker.kill('SIGTERM');
        await new Promise((resolve) => worker.once('exit', resolve));
      }
      const { rows: spans } = await db.query<{ seconds: number }>(
        `SELECT extract(epoch FROM max(delivered_at) - min(delivered_at))::float8 AS seconds
           FROM notification_deliveries WHERE channel = 'email'`,
      );
      // The span between the first and the last of N emails holds N - 1 intervals.
      api.push(((spans[0]?.seconds ?? 0) * DELIVERED) / (DELIVERED - 1));
      const { rows: sizes } = await db.query<{ length: number }>(
        `SELECT avg(length(body))::int AS length FROM notifications`,
      );
      baseline.push(await sendDirectly(sink.url, config, sizes[0]?.length ?? 500));
    }
  } finally {
    await sink.close();
  }
  const emailsPerSecond = (times: number[]) =>
    times.map((time) => Math.round(DELIVERED / time)).join(', ');
  return {
    api,
    baseline,
    note: `delivery: ${emailsPerSecond(api)} emails/s through the worker, each with its in-app notification (${emailsPerSecond(withStartUp)} emails/s counting the worker's start-up); ${emailsPerSecond(baseline)} emails/s from nodemailer alone over the same pool`,
  };
}

async function sendDirectly(url: string, config: AppConfig, length: number): Promise<number> {
  const transport = createTransport({
    url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    getSocket: (_options, callback) => {
      callback(null, { socket: new Socket().setNoDelay(true) });
    },
  });
  const text = 'x'.repeat(length);
  const started = process.hrtime.bigint();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT_JOBS }, async () => {
        while (next < DELIVERED) {
          next += 1;
          await transport.sendMail({
            from: config.SMTP_FROM,
            to: `learner-${next}@bench.test`,
            subject: 'Training reminder',
            text,
            html: `<p>${text}</p>`,
          });
        }
      }),
    );
    return seconds(started);
  } finally {
    transport.close();
  }
}
