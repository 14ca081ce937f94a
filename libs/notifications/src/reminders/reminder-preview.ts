import { Inject, Injectable } from '@nestjs/common';
import { Clock, decodeCursor, toConnection, type Connection } from '@academy/common';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { digestIdSql } from './digest-id.js';

/** One digest that will go out: to whom, when, and what it will remind them of. */
export interface PlannedDigest {
  recipientId: string;
  recipientName: string;
  sendOn: string;
  /** When its message becomes due (a recipient's quiet hours may still delay it). */
  sendAt: Date | null;
  dueSoon: number;
  overdue: number;
  escalations: number;
  organizationSummary: boolean;
}

interface PlannedRow {
  recipient_id: string;
  recipient_name: string;
  send_on: string;
  send_at: Date | null;
  due_soon: number;
  overdue: number;
  escalations: number;
  summary: boolean;
}

/** Shows an admin who will be reminded when, from the planned reminders, sending nothing. */
@Injectable()
export class ReminderPreview {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async upcoming(
    actor: Actor,
    days: number,
    first: number,
    after?: string | null,
  ): Promise<Connection<PlannedDigest>> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + days * 86_400_000);
    const parameters: unknown[] = [
      actor.organizationId,
      now.toISOString().slice(0, 10),
      until.toISOString().slice(0, 10),
    ];
    const within = `r.organization_id = $1 AND r.status = 'pending' AND r.send_on BETWEEN $2::date - 1 AND $3::date`;
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT (r.recipient_id, r.send_on))::int AS n FROM reminders r WHERE ${within}`,
      parameters,
    );
    let having = '';
    if (after) {
      const position = decodeCursor(after, 'date');
      parameters.push(position.sort, position.id);
      having = `HAVING (r.send_on, r.recipient_id) > ($4::date, $5::uuid)`;
    }
    parameters.push(first + 1);
    const rows = await this.dataSource.query<PlannedRow[]>(
      `SELECT r.recipient_id, u.display_name AS recipient_name, to_char(r.send_on, 'YYYY-MM-DD') AS send_on,
              min(o.available_at) AS send_at,
              count(*) FILTER (WHERE r.kind = 'due-soon')::int AS due_soon,
              count(*) FILTER (WHERE r.kind = 'overdue')::int AS overdue,
              count(*) FILTER (WHERE r.kind = 'escalation')::int AS escalations,
              bool_or(r.kind = 'organization-summary') AS summary
         FROM reminders r
         JOIN users u ON u.id = r.recipient_id AND u.organization_id = r.organization_id
         LEFT JOIN outbox_messages o ON o.organization_id = r.organization_id
               AND o.id = ${digestIdSql('r')}
               AND o.status IN ('pending', 'queued')
        WHERE ${within}
        GROUP BY r.recipient_id, u.display_name, r.send_on ${having}
        ORDER BY r.send_on, r.recipient_id LIMIT $${parameters.length}`,
      parameters,
    );
    return toConnection(
      rows.map((row) => ({
        recipientId: row.recipient_id,
        recipientName: row.recipient_name,
        sendOn: row.send_on,
        sendAt: row.send_at,
        dueSoon: row.due_soon,
        overdue: row.overdue,
        escalations: row.escalations,
        organizationSummary: row.summary,
      })),
      first,
      after,
      count?.n ?? 0,
      (row) => ({ sort: row.sendOn, id: row.recipientId }),
    );
  }
}
