import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OutboxLedger } from './outbox-ledger.js';

const BATCH = 1000;

/**
 * Hands outbox messages to the queue, one `deliver` job per message with jobId = the message id:
 * the queue ignores an id it still holds, so handing the same message over twice is harmless.
 * Finished jobs leave Redis at once (the message row keeps the outcome), which keeps Redis
 * memory bounded and lets a message be handed over again after a retry or a loss.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    @InjectQueue('outbox') private readonly queue: Queue,
    @Inject(OutboxLedger) private readonly ledger: OutboxLedger,
  ) {}

  /** Enqueues every due message; returns how many. */
  async relayDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await this.ledger.takeDue(BATCH);
      await this.enqueue(ids);
      total += ids.length;
      if (ids.length < BATCH) return total;
    }
  }

  async enqueue(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.queue.addBulk(
      ids.map((messageId) => ({
        name: 'deliver',
        data: { messageId },
        opts: { jobId: messageId, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }
}
