import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { checkOneHandlerEach } from '@academy/queue';
import { OUTBOX_TOPICS, type OutboxTopic } from '../outbox-topics.js';
import { TOPIC_HANDLER_METADATA, type TopicHandler } from './topic-handler.js';

/**
 * The handler of each outbox topic, found at worker start. Like the job boot check, a topic
 * without exactly one handler stops the worker rather than dead-lettering its messages later.
 */
@Injectable()
export class TopicHandlerRegistry implements OnApplicationBootstrap {
  private readonly handlers = new Map<OutboxTopic, TopicHandler<OutboxTopic>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const found = this.discovery.getProviders().flatMap((wrapper) => {
      const instance = wrapper.instance as object | undefined;
      const topic = instance
        ? (Reflect.getMetadata(TOPIC_HANDLER_METADATA, instance.constructor) as
            OutboxTopic | undefined)
        : undefined;
      return topic ? [{ topic, handler: instance as TopicHandler<OutboxTopic> }] : [];
    });
    const problems = checkOneHandlerEach(
      'outbox topic',
      OUTBOX_TOPICS,
      found.map(({ topic }) => topic),
    );
    if (problems.length > 0) {
      throw new Error(`Worker boot check failed:\n${problems.join('\n')}`);
    }
    for (const { topic, handler } of found) this.handlers.set(topic, handler);
  }

  handlerFor(topic: OutboxTopic): TopicHandler<OutboxTopic> {
    const handler = this.handlers.get(topic);
    if (!handler) throw new Error(`no handler for outbox topic ${topic}`);
    return handler;
  }
}
