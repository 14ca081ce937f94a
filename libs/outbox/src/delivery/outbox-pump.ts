import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@academy/common';
import type { Logger } from 'pino';
import { OutboxReconciler } from './outbox-reconciler.js';
import { OutboxRelay } from './outbox-relay.js';

/**
 * Runs the relay and the reconciler on timers inside the worker process rather than as queue
 * jobs: they are what recovers from a Redis that lost its jobs, so they must not live in Redis.
 * Each run waits for the previous one; every worker runs them, which is safe (see OutboxLedger).
 */
@Injectable()
export class OutboxPump implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(OutboxReconciler) private readonly reconciler: OutboxReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.every(this.config.OUTBOX_RECONCILE_INTERVAL_MS, 'reconcile', async () => {
      const count = await this.reconciler.reconcile();
      if (count > 0) this.logger.info({ count }, 'outbox messages re-enqueued');
    });
    this.every(this.config.OUTBOX_RELAY_INTERVAL_MS, 'relay', () => this.relay.relayDue());
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }

  /** Runs `work` now and then every `intervalMs`, skipping a tick while the last run is busy. */
  private every(intervalMs: number, name: string, work: () => Promise<unknown>): void {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const run = work()
        .catch((error: unknown) => {
          this.logger.error({ err: error, task: name }, 'outbox task failed');
        })
        .finally(() => {
          busy = false;
          this.running.delete(run);
        });
      this.running.add(run);
    };
    tick();
    this.timers.push(setInterval(tick, intervalMs));
  }
}
