import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LOGGER } from '@academy/common';
import type { Logger } from 'pino';
import { QueueRegistry } from './queue-registry.service.js';

/** While Redis is unreachable, one log line per queue per this interval, not one per retry. */
const REPEAT_AFTER_MS = 30_000;

/**
 * Logs Redis connection errors of the queues through the process logger, throttled. Without a
 * listener, each reconnect attempt would print to stderr on its own.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly lastLoggedAt = new Map<string, number>();

  constructor(
    @Inject(QueueRegistry) private readonly queues: QueueRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    for (const { name, queue } of this.queues.all()) {
      queue.on('error', (error: Error) => {
        const now = Date.now();
        if (now - (this.lastLoggedAt.get(name) ?? 0) < REPEAT_AFTER_MS) return;
        this.lastLoggedAt.set(name, now);
        this.logger.warn({ queue: name, err: error }, 'queue cannot reach Redis');
      });
    }
  }
}
