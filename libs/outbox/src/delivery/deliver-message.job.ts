import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@academy/common';
import { HandlesJob, type JobHandler, type JobPayload } from '@academy/queue';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { OutboxLedger } from './outbox-ledger.js';
import { PermanentDeliveryError } from './topic-handler.js';
import { TopicHandlerRegistry } from './topic-handler-registry.js';

/**
 * Claims one outbox message, lets its topic's handler act, and records the outcome. A message
 * this worker cannot claim (done, cancelled, or another worker's) is left alone. A failure goes
 * back for a retry with backoff until the last attempt, which dead-letters the message.
 */
@Injectable()
@HandlesJob('outbox', 'deliver')
export class DeliverMessageJob implements JobHandler<'outbox', 'deliver'> {
  constructor(
    @Inject(OutboxLedger) private readonly ledger: OutboxLedger,
    @Inject(TopicHandlerRegistry) private readonly topics: TopicHandlerRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle({ messageId }: JobPayload<'outbox', 'deliver'>): Promise<void> {
    const message = await this.ledger.claim(messageId);
    if (!message) return;
    let outcome;
    try {
      outcome = await this.topics.handlerFor(message.topic).handle(message);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const deadLettered = await this.ledger.recordFailure(messageId, reason, permanent);
      // The id and topic only: an error's text may name a recipient.
      this.logger.warn(
        { messageId, topic: message.topic, attempt: message.attempts + 1, deadLettered },
        'outbox message failed',
      );
      throw deadLettered ? new UnrecoverableError('dead-lettered') : error;
    }
    if (outcome) await this.ledger.defer(messageId, outcome.deferUntil);
    else await this.ledger.complete(messageId);
  }
}
