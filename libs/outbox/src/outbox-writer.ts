import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import type { OutboxTopic, OutboxTopicPayloads } from './outbox-topics.js';

export interface NewOutboxMessage<Topic extends OutboxTopic> {
  organizationId: string;
  topic: Topic;
  payload: OutboxTopicPayloads[Topic];
  availableAt?: Date;
  dedupeKey?: string;
}

/** Writes outbox messages inside the caller's transaction, so they exist iff the change does. */
@Injectable()
export class OutboxWriter {
  async enqueue<Topic extends OutboxTopic>(
    manager: EntityManager,
    message: NewOutboxMessage<Topic>,
  ): Promise<OutboxMessageEntity> {
    return manager.getRepository(OutboxMessageEntity).save({
      organizationId: message.organizationId,
      topic: message.topic,
      payload: message.payload,
      availableAt: message.availableAt ?? new Date(),
      dedupeKey: message.dedupeKey ?? null,
      status: 'pending',
    });
  }
}
