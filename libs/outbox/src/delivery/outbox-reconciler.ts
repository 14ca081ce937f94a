import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { OutboxLedger } from './outbox-ledger.js';
import { OutboxRelay } from './outbox-relay.js';

/**
 * Re-enqueues messages whose jobs Redis may have lost (a flush, a failover, a crash between the
 * relay's commit and its enqueue) and takes back claims of workers that died mid-message.
 */
@Injectable()
export class OutboxReconciler {
  constructor(
    @Inject(OutboxLedger) private readonly ledger: OutboxLedger,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many messages it handed to the queue again. */
  async reconcile(): Promise<number> {
    // A message queued within the last interval is most likely still in Redis, waiting its turn.
    const ids = await this.ledger.possiblyLost(this.config.OUTBOX_RECONCILE_INTERVAL_MS);
    for (let start = 0; start < ids.length; start += 1000) {
      await this.relay.enqueue(ids.slice(start, start + 1000));
    }
    return ids.length;
  }
}
