import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@academy/common';
import { DomainEvents } from '@academy/database';
import type { OutboxTopic } from '@academy/outbox';
import type { EntityManager } from 'typeorm';
import { WebhookEvent } from './webhook-events.js';

const TOPIC = 'notifications.webhook' satisfies OutboxTopic;

/**
 * Turns learning's events into webhook messages inside the transaction of the change: one
 * outbox row per active endpoint of the organization that subscribed to the event, written by
 * one set-based statement whatever the number of endpoints or people. The rows carry ids only;
 * the handler reads what they are about when it sends.
 */
@Injectable()
export class WebhookEventsSubscriber implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('learning.enrollment-completed', (manager, event) =>
      this.publish(manager, event.organizationId, WebhookEvent.ENROLLMENT_COMPLETED, [
        event.enrollmentId,
      ]),
    );
    this.events.subscribe('learning.enrollments-assigned', (manager, event) =>
      this.publish(
        manager,
        event.organizationId,
        WebhookEvent.LEARNING_ASSIGNED,
        event.enrollmentIds,
      ),
    );
  }

  private async publish(
    manager: EntityManager,
    organizationId: string,
    event: WebhookEvent,
    subjectIds: string[],
  ): Promise<void> {
    if (subjectIds.length === 0) return;
    // The payload is an OutboxTopicPayloads['notifications.webhook'].
    await manager.query(
      `INSERT INTO outbox_messages (organization_id, topic, payload, available_at)
       SELECT w.organization_id, $4,
              jsonb_build_object('endpointId', w.id, 'event', $2::text, 'subjectIds', to_jsonb($3::uuid[])),
              $5
         FROM webhook_endpoints w
        WHERE w.organization_id = $1 AND w.active AND $2 = ANY(w.events)`,
      [organizationId, event, subjectIds, TOPIC, this.clock.now()],
    );
  }
}
