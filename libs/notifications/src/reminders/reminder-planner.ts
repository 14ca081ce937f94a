import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { OPEN_ENROLLMENT } from '@academy/learning';
import type { EntityManager } from 'typeorm';
import { DEFAULT_REMINDER_POLICY } from '../entities/reminder-policy.entity.js';
import { ReminderKind } from '../entities/reminder.entity.js';
import { OptionalNoticeKind } from '../preferences/notice-kinds.js';
import { digestIdSql } from './digest-id.js';
import { ReminderPolicies } from './reminder-policies.js';

/**
 * SQL that ends a statement whose CTE `digests` (organization_id, recipient_id, send_on,
 * available_at) names each person and day with a reminder: one digest message each, whose id
 * derives from the person and day (so planning twice finds it), reviving one that was cancelled
 * when its reminders were. A digest that was already sent that day stays sent: its person's
 * new reminder joins their next digest.
 */
const INSERT_DIGESTS = `
  INSERT INTO outbox_messages (id, organization_id, topic, payload, available_at)
  SELECT ${digestIdSql('d')}, organization_id, 'notifications.reminder-digest',
         jsonb_build_object('recipientId', recipient_id, 'sendOn', send_on), available_at
    FROM digests d
  ON CONFLICT (id) DO UPDATE SET status = 'pending', available_at = EXCLUDED.available_at, attempts = 0
    WHERE outbox_messages.status = 'cancelled'`;

/** Days from each ISO weekday (index 1 to 7) to the first working day on or after it. */
export function workingDayShifts(workingDays: readonly number[]): number[] {
  return Array.from({ length: 8 }, (_, weekday) => {
    for (let shift = 0; shift < 7; shift++) {
      if (workingDays.includes(((weekday - 1 + shift) % 7) + 1)) return shift;
    }
    return 0;
  }).slice(1);
}

/**
 * Plans, moves and cancels reminders inside the transaction of the learning change that calls
 * for it, with one statement for any number of enrollments (assigning a course to 10,000 people
 * plans their reminders in the same transaction). It reads learning's enrollments and
 * identity's people directly, read-only, as set-based work across contexts must.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    @Inject(ReminderPolicies) private readonly policies: ReminderPolicies,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Plans the reminders of the given open, dated enrollments (all of the organization's when
   * `enrollmentIds` is null) and the digest message of each person and day they fall on.
   * Reminders whose day has passed are not planned; days off move to the next working day.
   */
  async plan(
    manager: EntityManager,
    organizationId: string,
    enrollmentIds: readonly string[] | null,
  ): Promise<void> {
    const policy = await this.policies.effective(manager, organizationId);
    await manager.query(
      `WITH targets AS (
         SELECT e.id AS enrollment_id, e.user_id, e.due_at, coalesce(u.timezone, o.timezone) AS tz,
                m.id AS manager_id, coalesce(m.timezone, o.timezone) AS manager_tz
           FROM enrollments e
           JOIN organizations o ON o.id = e.organization_id
           JOIN users u ON u.id = e.user_id AND u.status = 'ACTIVE'
           LEFT JOIN users m ON m.id = u.manager_id AND m.status = 'ACTIVE'
          WHERE e.organization_id = $1 AND ($2::uuid[] IS NULL OR e.id = ANY($2))
            AND e.due_at IS NOT NULL AND e.${OPEN_ENROLLMENT}),
       planned AS (
         SELECT enrollment_id, user_id AS recipient_id, 'due-soon' AS kind, d AS offset_days, tz,
                (due_at AT TIME ZONE tz)::date - d AS day
           FROM targets CROSS JOIN unnest($3::int[]) AS d
         UNION ALL
         SELECT enrollment_id, user_id, 'overdue', d, tz, (due_at AT TIME ZONE tz)::date + d
           FROM targets CROSS JOIN unnest($4::int[]) AS d
         UNION ALL
         SELECT enrollment_id, manager_id, 'escalation', $5::int, manager_tz,
                (due_at AT TIME ZONE manager_tz)::date + $5::int
           FROM targets WHERE manager_id IS NOT NULL AND $5::int IS NOT NULL),
       placed AS (
         SELECT planned.*, day + ($6::int[])[extract(isodow FROM day)::int] AS first_day FROM planned),
       due AS (
         -- A day whose digest is already out (or going out) gets no second message: the
         -- reminder waits for the next working day.
         SELECT placed.*, CASE WHEN EXISTS (
                  SELECT 1 FROM outbox_messages o
                   WHERE o.id = ${digestIdSql('placed', 'first_day')}
                     AND o.status IN ('claimed', 'done', 'failed'))
                THEN first_day + 1 + ($6::int[])[extract(isodow FROM first_day + 1)::int]
                ELSE first_day END AS send_on
           FROM placed WHERE first_day >= ($7::timestamptz AT TIME ZONE tz)::date),
       inserted AS (
         INSERT INTO reminders (organization_id, recipient_id, enrollment_id, kind, offset_days, send_on)
         SELECT $1, recipient_id, enrollment_id, kind, offset_days, send_on FROM due
         ON CONFLICT (enrollment_id, recipient_id, kind, offset_days)
           WHERE status = 'pending' AND enrollment_id IS NOT NULL DO NOTHING),
       digests AS (
         SELECT DISTINCT $1::uuid AS organization_id, recipient_id, send_on,
                (send_on + $8::time) AT TIME ZONE tz AS available_at
           FROM due)
       ${INSERT_DIGESTS}`,
      [
        organizationId,
        enrollmentIds,
        policy.daysBefore,
        policy.daysOverdue,
        policy.escalateAfterDays,
        workingDayShifts(policy.workingDays),
        this.clock.now(),
        policy.sendTime,
      ],
    );
  }

  /**
   * Plans this week's overdue summary for every admin of every organization whose policy has
   * one (idempotent: at most one per admin and day), on the policy's weekday in the admin's
   * timezone, unless that day has already passed this week.
   */
  async planOrganizationSummaries(manager: EntityManager): Promise<void> {
    const defaults = DEFAULT_REMINDER_POLICY;
    await manager.query(
      `WITH admins AS (
         SELECT u.organization_id, u.id AS recipient_id,
                coalesce(u.timezone, o.timezone) AS tz,
                CASE WHEN p.organization_id IS NULL THEN $1 ELSE p.admin_summary_weekday END AS weekday,
                coalesce(p.send_time, $2) AS send_time
           FROM users u JOIN organizations o ON o.id = u.organization_id
           LEFT JOIN reminder_policies p ON p.organization_id = u.organization_id
          WHERE u.role = 'ADMIN' AND u.status = 'ACTIVE'),
       placed AS (
         SELECT organization_id, recipient_id, tz, send_time,
                today + ((weekday - extract(isodow FROM today)::int + 7) % 7) AS send_on
           FROM admins CROSS JOIN LATERAL (SELECT ($3::timestamptz AT TIME ZONE tz)::date AS today) t
          WHERE weekday IS NOT NULL),
       inserted AS (
         INSERT INTO reminders (organization_id, recipient_id, enrollment_id, kind, offset_days, send_on)
         SELECT organization_id, recipient_id, NULL, 'organization-summary', 0, send_on FROM placed
         ON CONFLICT (recipient_id, kind, send_on) WHERE enrollment_id IS NULL DO NOTHING),
       digests AS (
         SELECT organization_id, recipient_id, send_on,
                (send_on + send_time::time) AT TIME ZONE tz AS available_at
           FROM placed)
       ${INSERT_DIGESTS}`,
      [defaults.adminSummaryWeekday, defaults.sendTime, this.clock.now()],
    );
  }

  /**
   * Plans a "practice reviews due" line in the daily digest of each of the given people who
   * opted in to it (email or in-app): today's digest in their timezone before the policy's send
   * time, else the next day's, moved off days off, or to the next working day when that day's
   * digest is already out: at most one per person and day, whatever the number of calls. Certification prep says who has reviews due;
   * notifications decides whether, when and how they hear of it. Returns how many were planned.
   */
  async planPracticeNudges(
    manager: EntityManager,
    organizationId: string,
    recipientIds: readonly string[],
  ): Promise<number> {
    if (recipientIds.length === 0) return 0;
    const policy = await this.policies.effective(manager, organizationId);
    const [row] = await manager.query<{ planned: number }[]>(
      `WITH opted AS (
         SELECT u.id AS recipient_id, coalesce(u.timezone, o.timezone) AS tz
           FROM users u
           JOIN organizations o ON o.id = u.organization_id
           JOIN notification_preferences p
             ON p.user_id = u.id AND p.kind = '${OptionalNoticeKind.PRACTICE_REVIEWS_DUE}' AND (p.email OR p.in_app)
          WHERE u.organization_id = $1 AND u.id = ANY($2::uuid[]) AND u.status = 'ACTIVE'),
       -- Before the send time it joins today's digest; after it, the next day's: so a nudge
       -- never makes a second message later in a day whose digest went out.
       placed AS (
         SELECT recipient_id, tz, day + ($3::int[])[extract(isodow FROM day)::int] AS first_day
           FROM opted CROSS JOIN LATERAL (
             SELECT CASE WHEN ($4::timestamptz AT TIME ZONE tz)::time < $5::time
                         THEN ($4::timestamptz AT TIME ZONE tz)::date
                         ELSE ($4::timestamptz AT TIME ZONE tz)::date + 1 END AS day) t),
       due AS (
         SELECT placed.*, CASE WHEN EXISTS (
                  SELECT 1 FROM outbox_messages o
                   WHERE o.id = ${digestIdSql('placed', 'first_day')}
                     AND o.status IN ('claimed', 'done', 'failed'))
                THEN first_day + 1 + ($3::int[])[extract(isodow FROM first_day + 1)::int]
                ELSE first_day END AS send_on
           FROM placed),
       inserted AS (
         INSERT INTO reminders (organization_id, recipient_id, enrollment_id, kind, offset_days, send_on)
         SELECT $1, recipient_id, NULL, '${ReminderKind.PRACTICE_REVIEWS_DUE}', 0, send_on FROM due
         ON CONFLICT (recipient_id, kind, send_on) WHERE enrollment_id IS NULL DO NOTHING
         RETURNING recipient_id),
       digests AS (
         SELECT $1::uuid AS organization_id, recipient_id, send_on,
                (send_on + $5::time) AT TIME ZONE tz AS available_at
           FROM due WHERE recipient_id IN (SELECT recipient_id FROM inserted)),
       messages AS (${INSERT_DIGESTS} RETURNING 1)
       SELECT count(*)::int AS planned FROM inserted`,
      [
        organizationId,
        recipientIds,
        workingDayShifts(policy.workingDays),
        this.clock.now(),
        policy.sendTime,
      ],
    );
    return row?.planned ?? 0;
  }

  /**
   * Cancels the pending reminders of the given enrollments (all of the organization's when
   * null), and every digest message left with nothing to say.
   */
  async cancel(
    manager: EntityManager,
    organizationId: string,
    enrollmentIds: readonly string[] | null,
  ): Promise<void> {
    await this.cancelWhere(
      manager,
      `organization_id = $1 AND enrollment_id IS NOT NULL AND ($2::uuid[] IS NULL OR enrollment_id = ANY($2))`,
      [organizationId, enrollmentIds],
    );
  }

  /** Cancels everything still to be sent to a person (e.g. deactivated). */
  async cancelForRecipient(
    manager: EntityManager,
    organizationId: string,
    recipientId: string,
  ): Promise<void> {
    await this.cancelWhere(manager, 'organization_id = $1 AND recipient_id = $2', [
      organizationId,
      recipientId,
    ]);
  }

  /** Moves reminders after a due date or the policy changed: cancel, then plan afresh. */
  async replan(
    manager: EntityManager,
    organizationId: string,
    enrollmentIds: readonly string[] | null,
  ): Promise<void> {
    await this.cancel(manager, organizationId, enrollmentIds);
    await this.plan(manager, organizationId, enrollmentIds);
  }

  /**
   * Moves the reminders of a person's open learning, and of their reports' (whose escalations
   * go to them), after the person's timezone or manager changed.
   */
  async replanPerson(
    manager: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<void> {
    const enrollments = await manager.query<{ id: string }[]>(
      `SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id
        WHERE e.organization_id = $1 AND e.due_at IS NOT NULL AND e.${OPEN_ENROLLMENT}
          AND (u.id = $2 OR u.manager_id = $2)`,
      [organizationId, userId],
    );
    if (enrollments.length === 0) return;
    await this.replan(
      manager,
      organizationId,
      enrollments.map((enrollment) => enrollment.id),
    );
  }

  private async cancelWhere(
    manager: EntityManager,
    condition: string,
    parameters: unknown[],
  ): Promise<void> {
    // The outer statement sees the reminders as they were before the CTE cancelled them, so
    // "nothing left" must leave out the ones just cancelled explicitly.
    await manager.query(
      `WITH cancelled AS (
         UPDATE reminders SET status = 'cancelled'
          WHERE status = 'pending' AND ${condition}
          RETURNING id, organization_id, recipient_id, send_on),
       emptied AS (
         SELECT DISTINCT c.organization_id, ${digestIdSql('c')} AS id
           FROM cancelled c
          WHERE NOT EXISTS (
            SELECT 1 FROM reminders r
             WHERE r.recipient_id = c.recipient_id AND r.send_on = c.send_on AND r.status = 'pending'
               AND NOT EXISTS (SELECT 1 FROM cancelled x WHERE x.id = r.id)))
       UPDATE outbox_messages o SET status = 'cancelled'
         FROM emptied
        WHERE o.organization_id = emptied.organization_id AND o.id = emptied.id
          AND o.status = 'pending'`,
      parameters,
    );
  }
}
