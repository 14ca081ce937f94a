import { Inject, Injectable } from '@nestjs/common';
import { DomainError, decodeCursor, toConnection, type Connection } from '@academy/common';
import { DomainEvents } from '@academy/database';
import {
  AuditTrail,
  IdentityErrors,
  Permission,
  UserDirectory,
  roleHas,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { LearningCatalog } from '../content/learning-catalog.js';
import { AssignmentEntity, type LearningItemKind } from '../entities/assignment.entity.js';
import { OPEN_ENROLLMENT } from '../entities/enrollment.entity.js';
import { LearningErrors } from '../learning.errors.js';
import { dueDateSql, dueRule, type DueInput } from './due-date.js';
import { EnrollmentWriter } from './enrollment-writer.js';

export interface AssignInput extends DueInput {
  itemKind: LearningItemKind;
  itemSlug: string;
  userIds?: string[] | null;
  groupIds?: string[] | null;
  recurrenceMonths?: number | null;
}

export interface RuleInput extends DueInput {
  itemKind: LearningItemKind;
  itemSlug: string;
  /** Everyone who joins this group from now on. */
  groupId?: string | null;
  /** Everyone who joins the organization from now on. */
  newHires?: boolean | null;
  /** Also assign to those already in the group (or, for new hires, everyone active now). */
  includeExisting?: boolean | null;
  recurrenceMonths?: number | null;
}

export interface AssignmentSummary {
  assignment: AssignmentEntity;
  /** People who got the item now (those who had it open already are not counted). */
  peopleEnrolled: number;
}

export interface AssignmentCounts {
  open: number;
  completed: number;
  overdue: number;
}

const MAX_RECURRENCE_MONTHS = 120;

/**
 * Assignments: who must take what by when. Admins assign to anyone and manage standing rules;
 * managers assign to their reporting line only (for a group, to its members who report to
 * them). Every change is audited in the same transaction.
 */
@Injectable()
export class AssignmentService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LearningCatalog) private readonly catalog: LearningCatalog,
    @Inject(EnrollmentWriter) private readonly writer: EnrollmentWriter,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async assign(actor: Actor, input: AssignInput, meta: RequestMeta): Promise<AssignmentSummary> {
    const userIds = [...new Set(input.userIds ?? [])];
    const groupIds = [...new Set(input.groupIds ?? [])];
    if (userIds.length === 0 && groupIds.length === 0) {
      throw new DomainError(LearningErrors.INVALID_INPUT, 'Name at least one person or group.');
    }
    const due = dueRule(input, new Date());
    const recurrenceMonths = this.recurrence(input.recurrenceMonths);
    await this.catalog.item(actor.organizationId, input.itemKind, input.itemSlug);
    const audience = await this.audience(actor, userIds, groupIds);
    return this.dataSource.transaction(async (manager) => {
      const assignment = await manager.save(
        manager.create(AssignmentEntity, {
          organizationId: actor.organizationId,
          itemKind: input.itemKind,
          itemSlug: input.itemSlug,
          ...due,
          recurrenceMonths,
          createdBy: actor.id,
        }),
      );
      const peopleEnrolled = await this.writer.enroll(manager, assignment, audience);
      await this.audited(manager, actor, 'learning.assigned', assignment, meta, {
        userIds,
        groupIds,
        peopleEnrolled,
      });
      return { assignment, peopleEnrolled };
    });
  }

  async createRule(actor: Actor, input: RuleInput, meta: RequestMeta): Promise<AssignmentSummary> {
    if (Boolean(input.groupId) === Boolean(input.newHires)) {
      throw new DomainError(
        LearningErrors.INVALID_INPUT,
        'A rule follows either one group or new hires.',
      );
    }
    const due = dueRule(input, new Date());
    const recurrenceMonths = this.recurrence(input.recurrenceMonths);
    await this.catalog.item(actor.organizationId, input.itemKind, input.itemSlug);
    return this.dataSource.transaction(async (manager) => {
      if (input.groupId) await this.assertGroups(manager, actor, [input.groupId]);
      const assignment = await manager.save(
        manager.create(AssignmentEntity, {
          organizationId: actor.organizationId,
          itemKind: input.itemKind,
          itemSlug: input.itemSlug,
          ...due,
          recurrenceMonths,
          followsGroupId: input.groupId ?? null,
          followsNewHires: Boolean(input.newHires),
          createdBy: actor.id,
        }),
      );
      let peopleEnrolled = 0;
      if (input.includeExisting) {
        const existing = await manager.query<{ id: string }[]>(
          input.groupId
            ? `SELECT user_id AS id FROM group_members WHERE organization_id = $1 AND group_id = $2`
            : `SELECT id FROM users WHERE organization_id = $1 AND status = 'ACTIVE'`,
          input.groupId ? [actor.organizationId, input.groupId] : [actor.organizationId],
        );
        peopleEnrolled = await this.writer.enroll(
          manager,
          assignment,
          existing.map((row) => row.id),
        );
      }
      await this.audited(manager, actor, 'learning.rule_created', assignment, meta, {
        groupId: input.groupId ?? null,
        newHires: Boolean(input.newHires),
        includeExisting: Boolean(input.includeExisting),
        peopleEnrolled,
      });
      return { assignment, peopleEnrolled };
    });
  }

  /**
   * Ends an assignment (and its rule, if it is one): open enrollments it made are withdrawn,
   * completed ones stay as history. Managers may withdraw only their own assignments.
   */
  async withdraw(actor: Actor, id: string, meta: RequestMeta): Promise<AssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.lockOwn(manager, actor, id);
      assignment.withdrawnAt = new Date();
      await manager.save(assignment);
      const rows = await manager.query<[{ id: string }[], number]>(
        `UPDATE enrollments SET status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = 'unassigned'
          WHERE organization_id = $1 AND assignment_id = $2 AND ${OPEN_ENROLLMENT}
          RETURNING id`,
        [actor.organizationId, id],
      );
      const withdrawn = rows[0].map((row) => row.id);
      if (withdrawn.length > 0) {
        await this.events.publish(manager, 'learning.enrollments-withdrawn', {
          organizationId: actor.organizationId,
          enrollmentIds: withdrawn,
          reason: 'unassigned',
        });
      }
      await this.audited(manager, actor, 'learning.unassigned', assignment, meta, {
        enrollmentsWithdrawn: withdrawn.length,
      });
      return assignment;
    });
  }

  /** Moves the due date of an assignment and of every open enrollment it made. */
  async changeDueDate(
    actor: Actor,
    id: string,
    input: DueInput,
    meta: RequestMeta,
  ): Promise<AssignmentEntity> {
    const due = dueRule(input, new Date());
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.lockOwn(manager, actor, id);
      const before = { dueAt: assignment.dueAt, dueWithinDays: assignment.dueWithinDays };
      Object.assign(assignment, due);
      await manager.save(assignment);
      // Relative dates count from each person's original enrollment (or hire), not from today.
      const rows = await manager.query<[{ id: string }[], number]>(
        `UPDATE enrollments e SET due_at = ${dueDateSql('$3', '$4', '$5', 'e.enrolled_at')}
           FROM users u
          WHERE u.id = e.user_id AND e.organization_id = $1 AND e.assignment_id = $2
            AND e.${OPEN_ENROLLMENT}
          RETURNING e.id`,
        [actor.organizationId, id, due.dueAt, due.dueWithinDays, due.dueFrom],
      );
      const moved = rows[0].map((row) => row.id);
      if (moved.length > 0) {
        await this.events.publish(manager, 'learning.due-dates-changed', {
          organizationId: actor.organizationId,
          enrollmentIds: moved,
        });
      }
      await this.audited(manager, actor, 'learning.due_date_changed', assignment, meta, {
        before,
        after: { dueAt: due.dueAt, dueWithinDays: due.dueWithinDays },
        enrollmentsMoved: moved.length,
      });
      return assignment;
    });
  }

  /** Assignments the actor may manage, newest first, with their progress counts. */
  async list(
    actor: Actor,
    first: number,
    after?: string | null,
  ): Promise<Connection<AssignmentEntity & { counts: AssignmentCounts }>> {
    const query = this.dataSource
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId: actor.organizationId });
    if (!this.managesAll(actor)) query.andWhere('a.created_by = :self', { self: actor.id });
    const totalCount = await query.getCount();
    if (after) {
      const position = decodeCursor(after, 'time');
      query.andWhere('(a.created_at, a.id) < (:afterAt, :afterId)', {
        afterAt: position.sort,
        afterId: position.id,
      });
    }
    const rows = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(first + 1)
      .getMany();
    const counts = await this.counts(rows.map((row) => row.id));
    return toConnection(
      rows.map((row) => Object.assign(row, { counts: counts.get(row.id) ?? EMPTY_COUNTS })),
      first,
      after,
      totalCount,
      (row) => ({ sort: row.createdAt.toISOString(), id: row.id }),
    );
  }

  private async counts(ids: string[]): Promise<Map<string, AssignmentCounts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<
      { assignment_id: string; open: number; completed: number; overdue: number }[]
    >(
      `SELECT assignment_id,
              count(*) FILTER (WHERE ${OPEN_ENROLLMENT})::int AS open,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${OPEN_ENROLLMENT} AND due_at < now())::int AS overdue
         FROM enrollments WHERE assignment_id = ANY($1::uuid[]) GROUP BY assignment_id`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.assignment_id,
        { open: row.open, completed: row.completed, overdue: row.overdue },
      ]),
    );
  }

  /** The active people named or in the groups, limited to a manager's reporting line. */
  private async audience(actor: Actor, userIds: string[], groupIds: string[]): Promise<string[]> {
    const manager = this.dataSource.manager;
    await this.assertGroups(manager, actor, groupIds);
    if (userIds.length > 0) {
      const known = await manager.query<{ id: string }[]>(
        'SELECT id FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[])',
        [actor.organizationId, userIds],
      );
      const visible = this.managesAll(actor)
        ? known.map((row) => row.id)
        : await this.directory.activeAmong(
            actor,
            known.map((row) => row.id),
          );
      if (
        known.length !== userIds.length ||
        (!this.managesAll(actor) && visible.length < known.length)
      ) {
        throw new DomainError(IdentityErrors.NOT_FOUND, 'No such person.');
      }
    }
    const members = await manager.query<{ id: string }[]>(
      `SELECT DISTINCT user_id AS id FROM group_members
        WHERE organization_id = $1 AND group_id = ANY($2::uuid[])`,
      [actor.organizationId, groupIds],
    );
    const everyone = [...new Set([...userIds, ...members.map((row) => row.id)])];
    return this.managesAll(actor) ? everyone : this.directory.activeAmong(actor, everyone);
  }

  private managesAll(actor: Actor): boolean {
    return roleHas(actor.role, Permission.LEARNING_RULES_MANAGE);
  }

  private async assertGroups(manager: EntityManager, actor: Actor, groupIds: string[]) {
    if (groupIds.length === 0) return;
    const [found] = await manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM groups WHERE organization_id = $1 AND id = ANY($2::uuid[])',
      [actor.organizationId, groupIds],
    );
    if (found?.n !== groupIds.length)
      throw new DomainError(IdentityErrors.NOT_FOUND, 'No such group.');
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string) {
    const assignment = await manager.getRepository(AssignmentEntity).findOne({
      where: { id, organizationId: actor.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!assignment || (!this.managesAll(actor) && assignment.createdBy !== actor.id)) {
      throw new DomainError(LearningErrors.NOT_FOUND, 'No such assignment.');
    }
    if (assignment.withdrawnAt) {
      throw new DomainError(LearningErrors.ASSIGNMENT_WITHDRAWN, 'This assignment was withdrawn.');
    }
    return assignment;
  }

  private recurrence(months: number | null | undefined): number | null {
    if (months == null) return null;
    if (!Number.isInteger(months) || months < 1 || months > MAX_RECURRENCE_MONTHS) {
      throw new DomainError(
        LearningErrors.INVALID_INPUT,
        `Recurrence is 1 to ${MAX_RECURRENCE_MONTHS} months.`,
      );
    }
    return months;
  }

  private audited(
    manager: EntityManager,
    actor: Actor,
    action: string,
    assignment: AssignmentEntity,
    meta: RequestMeta,
    details: Record<string, unknown>,
  ) {
    return this.audit.recordBy(manager, actor, action, {
      target: { type: 'assignment', id: assignment.id },
      meta,
      details: { item: `${assignment.itemKind}:${assignment.itemSlug}`, ...details },
    });
  }
}

const EMPTY_COUNTS: AssignmentCounts = { open: 0, completed: 0, overdue: 0 };
