import { Inject, Injectable } from '@nestjs/common';
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
  /** Pending reminders it covers (marked sent once delivered). */
  reminderIds: string[];
  /** Pending reminders about learning no longer open (cancelled, nothing to say). */
  staleReminderIds: string[];
  dueSoon: DigestItem[];
  overdue: DigestItem[];
  reportsOverdue: ReportOverdue[];
  organizationOverdue: OrganizationOverdueLine[] | null;
  /** A pending "practice reviews due" nudge is among the reminders. */
  practiceReviewsDue: boolean;
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
 * Gathers a person's pending reminders up to a day (an earlier digest that never went out is
 * folded in) and describes them as they stand now: what was due soon may be overdue by now,
 * and what was completed meanwhile drops out.
 */
@Injectable()
export class DigestReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PublicLinks) private readonly links: PublicLinks,
  ) {}

  async gather(
    organizationId: string,
    recipientId: string,
    upTo: string,
    now: Date,
  ): Promise<DigestContents> {
    const rows = await this.dataSource.query<ReminderRow[]>(
      `SELECT r.id, r.kind, r.enrollment_id, (e.id IS NOT NULL) AS open, e.item_kind, e.item_slug,
              coalesce(item.content->>'title', e.item_slug) AS title, e.due_at, s.display_name AS person_name
         FROM reminders r
         LEFT JOIN enrollments e ON e.id = r.enrollment_id AND e.organization_id = r.organization_id AND e.${OPEN_ENROLLMENT}
         LEFT JOIN users s ON s.id = e.user_id
         ${ENROLLMENT_ITEM_CONTENT}
        WHERE r.organization_id = $1 AND r.recipient_id = $2 AND r.status = 'pending' AND r.send_on <= $3
        ORDER BY e.due_at`,
      [organizationId, recipientId, upTo],
    );
    const summary = rows.some((row) => row.kind === ReminderKind.ORGANIZATION_SUMMARY);
    const stale = rows.filter((row) => row.enrollment_id !== null && !row.open);
    const dated = rows.filter(
      (row): row is DatedRow => row.open && row.enrollment_id !== null && row.due_at !== null,
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
      reminderIds: rows.filter((row) => !stale.includes(row)).map((row) => row.id),
      staleReminderIds: stale.map((row) => row.id),
      dueSoon: ownRows.filter((row) => row.due_at > now).map(item),
      overdue: ownRows.filter((row) => row.due_at <= now).map(item),
      reportsOverdue: [...reports.values()],
      organizationOverdue: summary ? await this.organizationOverdue(organizationId, now) : null,
      practiceReviewsDue: rows.some((row) => row.kind === ReminderKind.PRACTICE_REVIEWS_DUE),
    };
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
