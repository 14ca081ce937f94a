import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity.js';

export interface NewOutboxMessage {
  organizationId: string;
  topic: string;
  payload: Record<string, unknown>;
  availableAt?: Date;
  dedupeKey?: string;
}

/** Writes outbox messages inside the caller's transaction, so they exist iff the change does. */
@Injectable()
export class OutboxWriter {
  async enqueue(manager: EntityManager, message: NewOutboxMessage): Promise<OutboxMessageEntity> {
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
