import { Inject, Injectable } from '@nestjs/common';
import { ENROLLMENT_ITEM_CONTENT } from '@academy/learning';
import type { OutboxMessage } from '@academy/outbox';
import { DataSource } from 'typeorm';
import { WEBHOOK_PING, WebhookEvent, type WebhookMessageType } from './webhook-events.js';

/** The JSON a receiver gets (the Standard Webhooks payload shape: type, timestamp, data). */
export interface WebhookBody {
  type: WebhookMessageType;
  /** When the event happened (ISO 8601), not when this attempt was sent. */
  timestamp: string;
  organizationId: string;
  data: Record<string, unknown>;
}

interface LearningItem {
  kind: string;
  slug: string;
  title: string;
}

/**
 * Describes a webhook message from the ids it carries, read when it is sent. Only what a chat
 * channel needs: a person's id and display name, never their email address.
 */
@Injectable()
export class WebhookBodies {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The body, or null when what the message was about is gone. */
  async build(message: OutboxMessage<'notifications.webhook'>): Promise<WebhookBody | null> {
    const { event, subjectIds, endpointId } = message.payload;
    const envelope = (type: WebhookMessageType, data: Record<string, unknown>): WebhookBody => ({
      type,
      timestamp: message.createdAt.toISOString(),
      organizationId: message.organizationId,
      data,
    });
    switch (event) {
      case WEBHOOK_PING:
        return envelope(WEBHOOK_PING, {
          endpointId,
          message: 'A test message from AI Security Academy: this endpoint receives webhooks.',
        });
      case WebhookEvent.ENROLLMENT_COMPLETED: {
        const data = await this.completion(message.organizationId, subjectIds);
        return data && envelope(event, data);
      }
      case WebhookEvent.LEARNING_ASSIGNED: {
        const data = await this.assignment(message.organizationId, subjectIds);
        return data && envelope(event, data);
      }
      default:
        throw new Error(`unknown webhook event ${event}`);
    }
  }

  private async completion(
    organizationId: string,
    enrollmentIds: string[],
  ): Promise<Record<string, unknown> | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        user_id: string;
        display_name: string;
        item_kind: string;
        item_slug: string;
        title: string;
        cycle: number;
        completed_at: Date | null;
      }[]
    >(
      `SELECT e.id, e.user_id, u.display_name, e.item_kind, e.item_slug,
              coalesce(item.content->>'title', e.item_slug) AS title, e.cycle, e.completed_at
         FROM enrollments e
         JOIN users u ON u.id = e.user_id AND u.organization_id = e.organization_id
         ${ENROLLMENT_ITEM_CONTENT}
        WHERE e.id = ANY($1::uuid[]) AND e.organization_id = $2 AND e.status = 'completed'
        LIMIT 1`,
      [enrollmentIds, organizationId],
    );
    if (!row) return null;
    const item: LearningItem = { kind: row.item_kind, slug: row.item_slug, title: row.title };
    return {
      enrollmentId: row.id,
      user: { id: row.user_id, displayName: row.display_name },
      item,
      cycle: row.cycle,
      completedAt: row.completed_at?.toISOString() ?? null,
    };
  }

  private async assignment(
    organizationId: string,
    enrollmentIds: string[],
  ): Promise<Record<string, unknown> | null> {
    const rows = await this.dataSource.query<
      {
        assignment_id: string | null;
        item_kind: string;
        item_slug: string;
        title: string;
        enrollments: number;
        people: number;
        earliest_due_at: Date | null;
      }[]
    >(
      `SELECT e.assignment_id, e.item_kind, e.item_slug,
              coalesce(item.content->>'title', e.item_slug) AS title,
              count(*)::int AS enrollments, count(DISTINCT e.user_id)::int AS people,
              min(e.due_at) AS earliest_due_at
         FROM enrollments e ${ENROLLMENT_ITEM_CONTENT}
        WHERE e.id = ANY($1::uuid[]) AND e.organization_id = $2
        GROUP BY e.assignment_id, e.item_kind, e.item_slug, item.content->>'title'
        ORDER BY e.item_kind, e.item_slug, e.assignment_id`,
      [enrollmentIds, organizationId],
    );
    if (rows.length === 0) return null;
    return {
      enrollmentCount: rows.reduce((sum, row) => sum + row.enrollments, 0),
      items: rows.map((row) => ({
        assignmentId: row.assignment_id,
        item: { kind: row.item_kind, slug: row.item_slug, title: row.title } satisfies LearningItem,
        people: row.people,
        earliestDueAt: row.earliest_due_at?.toISOString() ?? null,
      })),
    };
  }
}
