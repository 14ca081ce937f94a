import { Inject, Injectable } from '@nestjs/common';
import { PreparedQueries } from '@academy/database';
import { ENROLLMENT_ITEM_CONTENT, OPEN_ENROLLMENT } from '@academy/learning';
import { DataSource } from 'typeorm';
import type {
  DigestItem,
  OrganizationOverdueLine,
  ReportOverdue,
} from '../messages/message-content.js';
import { PublicLinks } from '../delivery/public-links.js';
import { ReminderKind } from '../entities/reminder.entity.js';

/** What a person's digest says, read at the moment it is sent. */
export interface DigestContents {
  /** The reminders it took and will deliver (cancelled again should it have nothing to say). */
  sentReminderIds: string[];
  dueSoon: DigestItem[];
  overdue: DigestItem[];
  reportsOverdue: ReportOverdue[];
  organizationOverdue: OrganizationOverdueLine[] | null;
  /** A pending "practice reviews due" nudge is among the reminders. */
  practiceReviewsDue: boolean;
}

/** The digest message taking the reminders, and whether it was claimed before. */
export interface DigestMessage {
  id: string;
  firstClaim: boolean;
}

interface ReminderRow {
  id: string;
  kind: ReminderKind;
  enrollment_id: string | null;
  open: boolean;
  item_kind: string | null;
  item_slug: string | null;
  title: string | null;
  due_at: Date | null;
  person_name: string | null;
}

type DatedRow = ReminderRow & { enrollment_id: string; due_at: Date };

const ORGANIZATION_SUMMARY_LINES = 20;

/**
 * Takes a person's pending reminders up to a day for their digest message (an earlier digest
 * that never went out is folded in) and describes them as they stand now: what was due soon may
 * be overdue by now, and what was completed meanwhile drops out.
 */
@Injectable()
export class DigestReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
    @Inject(PublicLinks) private readonly links: PublicLinks,
  ) {}

  /**
   * One statement, once per digest: marks each reminder sent by `message` (or cancelled, when
   * its learning is no longer open) and reads what the digest says about it. A message claimed
   * again (its worker died, or sending failed) takes the same reminders anew, so a retry says
   * what the first attempt would have said; on a first claim no reminder can be the message's
   * yet, and that lookup is skipped.
   */
  async take(
    organizationId: string,
    recipientId: string,
    upTo: string,
    message: DigestMessage,
    now: Date,
  ): Promise<DigestContents> {
    const rows = await this.prepared.query<ReminderRow>(
      'digest-take-reminders',
      `WITH mine AS (
         SELECT r.id, r.enrollment_id FROM reminders r
          WHERE r.organization_id = $1 AND r.recipient_id = $2 AND r.status = 'pending' AND r.send_on <= $3
         UNION
         SELECT r.id, r.enrollment_id FROM reminders r
          WHERE NOT $5 AND r.digest_message_id = $4 AND r.organization_id = $1),
       candidates AS (
         SELECT m.id, (m.enrollment_id IS NULL OR EXISTS (
                  SELECT 1 FROM enrollments e WHERE e.id = m.enrollment_id
                     AND e.organization_id = $1 AND e.${OPEN_ENROLLMENT})) AS open
           FROM mine m),
       taken AS (
         UPDATE reminders r
            SET status = CASE WHEN c.open THEN 'sent' ELSE 'cancelled' END,
                digest_message_id = $4, sent_at = CASE WHEN c.open THEN $6::timestamptz END
           FROM candidates c
          -- Checked again on the row itself: a reminder cancelled meanwhile stays cancelled.
          WHERE r.id = c.id AND (r.status = 'pending' OR r.digest_message_id = $4)
         RETURNING r.id, r.kind, r.enrollment_id, c.open)
       SELECT t.id, t.kind, t.enrollment_id, t.open, e.item_kind, e.item_slug,
              coalesce(item.content->>'title', e.item_slug) AS title, e.due_at, s.display_name AS person_name
         FROM taken t
         LEFT JOIN enrollments e ON e.id = t.enrollment_id AND t.open
         LEFT JOIN users s ON s.id = e.user_id
         ${ENROLLMENT_ITEM_CONTENT}
        ORDER BY e.due_at`,
      [organizationId, recipientId, upTo, message.id, message.firstClaim, now],
    );
    const sent = rows.filter((row) => row.open);
    const summary = sent.some((row) => row.kind === ReminderKind.ORGANIZATION_SUMMARY);
    const dated = sent.filter(
      (row): row is DatedRow => row.enrollment_id !== null && row.due_at !== null,
    );
    // Several reminders may name one enrollment (a missed 7-day and the 1-day): list it once.
    const own = new Map<string, DatedRow>();
    const reports = new Map<string, ReportOverdue>();
    for (const row of dated) {
      if (row.kind !== ReminderKind.ESCALATION) {
        own.set(row.enrollment_id, row);
      } else if (row.due_at <= now) {
        const person = row.person_name ?? '';
        const report = reports.get(person) ?? { personName: person, items: [] };
        report.items.push({ title: row.title ?? '', dueAt: row.due_at });
        reports.set(person, report);
      }
    }
    const item = (row: DatedRow): DigestItem => ({
      title: row.title ?? '',
      dueAt: row.due_at,
      url: this.links.url(`/learning/${row.item_kind}s/${row.item_slug}`),
    });
    const ownRows = [...own.values()];
    return {
      sentReminderIds: sent.map((row) => row.id),
      dueSoon: ownRows.filter((row) => row.due_at > now).map(item),
      overdue: ownRows.filter((row) => row.due_at <= now).map(item),
      reportsOverdue: [...reports.values()],
      organizationOverdue: summary ? await this.organizationOverdue(organizationId, now) : null,
      practiceReviewsDue: sent.some((row) => row.kind === ReminderKind.PRACTICE_REVIEWS_DUE),
    };
  }

  /** Cancels reminders a digest took but had nothing to say about (nothing went out). */
  async release(reminderIds: string[]): Promise<void> {
    if (reminderIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE reminders SET status = 'cancelled', sent_at = NULL WHERE id = ANY($1)`,
      [reminderIds],
    );
  }

  private async organizationOverdue(
    organizationId: string,
    now: Date,
  ): Promise<OrganizationOverdueLine[]> {
    const rows = await this.dataSource.query<{ title: string; overdue: number }[]>(
      `SELECT coalesce(item.content->>'title', e.item_slug) AS title, count(*)::int AS overdue
         FROM enrollments e JOIN users u ON u.id = e.user_id AND u.status = 'ACTIVE'
         ${ENROLLMENT_ITEM_CONTENT}
        WHERE e.organization_id = $1 AND e.${OPEN_ENROLLMENT} AND e.due_at <= $2
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${ORGANIZATION_SUMMARY_LINES}`,
      [organizationId, now],
    );
    return rows.map((row) => ({ title: row.title, overdueCount: row.overdue }));
  }
}
