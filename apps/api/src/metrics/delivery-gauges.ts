import { withTimeout, type Clock } from '@academy/common';
import {
  DELIVERY_CHANNELS,
  countDeliveriesSince,
  type DeliveryCount,
} from '@academy/notifications';
import {
  BACKLOG_STATUSES,
  OUTBOX_TOPICS,
  countOutboxBacklog,
  type BacklogCount,
} from '@academy/outbox';
import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** How long a scrape waits for PostgreSQL, and how long PostgreSQL may work on it. */
const SCRAPE_TIMEOUT_MS = 1000;
const RECENT_WINDOW_MS = 5 * 60_000;

interface DeliveryCounts {
  backlog: BacklogCount[];
  deliveries: DeliveryCount[];
}

/**
 * Both counts in one short transaction whose statements PostgreSQL itself cancels after the
 * scrape timeout, so a slow database is not made slower by scrapes queueing up behind it.
 */
function readCounts(dataSource: DataSource, now: Date): Promise<DeliveryCounts> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL statement_timeout = ${SCRAPE_TIMEOUT_MS}`);
    return {
      backlog: await countOutboxBacklog(manager, now),
      deliveries: await countDeliveriesSince(manager, new Date(now.getTime() - RECENT_WINDOW_MS)),
    };
  });
}

/**
 * Gauges of message delivery, read from PostgreSQL at scrape time: the database is the truth
 * shared by every worker, where in-process counters would each see one worker only. Both
 * gauges of a scrape share one read, and a scrape that starts while the last read is still
 * running waits for that one instead of starting another. When the read fails or times out,
 * the scrape still answers and the gauges keep their last values.
 */
export function registerDeliveryGauges(
  registry: Registry,
  dataSource: DataSource,
  clock: Clock,
): void {
  let inFlight: Promise<DeliveryCounts | undefined> | null = null;
  const counts = (): Promise<DeliveryCounts | undefined> => {
    inFlight ??= withTimeout(
      readCounts(dataSource, clock.now()),
      SCRAPE_TIMEOUT_MS,
      'delivery counts timed out',
    )
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  new Gauge({
    name: 'outbox_messages',
    help: 'Unfinished outbox messages by topic and status: pending (due, waiting for the relay), queued, claimed, failed (dead letters).',
    labelNames: ['topic', 'status'] as const,
    registers: [registry],
    async collect() {
      const read = await counts();
      if (!read) return;
      // Every known series is written each time, so a count that dropped to nothing reads 0.
      for (const topic of OUTBOX_TOPICS) {
        for (const status of BACKLOG_STATUSES) this.set({ topic, status }, 0);
      }
      for (const { topic, status, count } of read.backlog) this.set({ topic, status }, count);
    },
  });

  new Gauge({
    name: 'notification_deliveries_last_5m',
    help: 'Notifications delivered in the last five minutes, by channel (email, in-app, webhook).',
    labelNames: ['channel'] as const,
    registers: [registry],
    async collect() {
      const read = await counts();
      if (!read) return;
      for (const channel of DELIVERY_CHANNELS) this.set({ channel }, 0);
      for (const { channel, count } of read.deliveries) this.set({ channel }, count);
    },
  });
}
