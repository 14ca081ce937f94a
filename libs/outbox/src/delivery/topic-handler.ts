import { SetMetadata } from '@nestjs/common';
import type { OutboxTopic, OutboxTopicPayloads } from '../outbox-topics.js';

export const TOPIC_HANDLER_METADATA = Symbol('OUTBOX_TOPIC_HANDLER');

/** A claimed message, as its handler sees it. */
export interface OutboxMessage<Topic extends OutboxTopic> {
  id: string;
  organizationId: string;
  topic: Topic;
  payload: OutboxTopicPayloads[Topic];
  /** Failed attempts before this one. */
  attempts: number;
  /**
   * No worker held this message before, so nothing it does can have happened yet: a handler
   * may skip looking for its earlier deliveries.
   */
  firstClaim: boolean;
  /** When the change that called for it committed. */
  createdAt: Date;
}

/** What became of a message: done, or to be tried again at a later time (not a failure). */
export type TopicOutcome = { deferUntil: Date } | undefined;

/** A provider that acts on the messages of one outbox topic. It may run more than once per message (a worker can die after acting, before recording it), so it must be idempotent. */
export interface TopicHandler<Topic extends OutboxTopic> {
  handle(message: OutboxMessage<Topic>): Promise<TopicOutcome>;
}

/** A failure that no retry can fix (e.g. the address bounced for good): dead-letter at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Marks a provider as the handler of an outbox topic; the worker finds it by this mark. */
export const HandlesTopic = (topic: OutboxTopic) => SetMetadata(TOPIC_HANDLER_METADATA, topic);
