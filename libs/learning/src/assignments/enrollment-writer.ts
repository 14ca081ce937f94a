import { Inject, Injectable } from '@nestjs/common';
import { DomainEvents } from '@academy/database';
import type { EntityManager } from 'typeorm';
import type { AssignmentEntity } from '../entities/assignment.entity.js';
import { OPEN_ENROLLMENT } from '../entities/enrollment.entity.js';
import { LearningCatalog } from '../content/learning-catalog.js';
import { dueDateSql } from './due-date.js';

/**
 * Fans an assignment out to people in one set-based statement: an open enrollment per person
 * and item (for a track, the track and each of its courses). Someone with the item already open
 * keeps it (assigning twice does nothing), except that optional learning they chose becomes
 * assigned, with the due date. Deactivated people are skipped.
 */
@Injectable()
export class EnrollmentWriter {
  constructor(
    @Inject(LearningCatalog) private readonly catalog: LearningCatalog,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  /** Returns how many people got a new (or newly assigned) enrollment. */
  async enroll(
    manager: EntityManager,
    assignment: AssignmentEntity,
    userIds: readonly string[],
  ): Promise<number> {
    if (userIds.length === 0) return 0;
    const item = await this.catalog.item(
      assignment.organizationId,
      assignment.itemKind,
      assignment.itemSlug,
      manager,
    );
    const kinds = [
      item.kind,
      ...(item.kind === 'track' ? item.courseSlugs.map(() => 'course') : []),
    ];
    const slugs = [item.slug, ...(item.kind === 'track' ? item.courseSlugs : [])];
    const rows = await manager.query<{ id: string; user_id: string }[]>(
      `INSERT INTO enrollments (organization_id, user_id, item_kind, item_slug, assignment_id, status, due_at)
       SELECT $1, u.id, item.kind, item.slug, $2, 'not-started', ${dueDateSql('$5', '$6', '$7')}
         FROM users u CROSS JOIN unnest($3::text[], $4::text[]) AS item(kind, slug)
        WHERE u.organization_id = $1 AND u.status = 'ACTIVE' AND u.id = ANY($8::uuid[])
       ON CONFLICT (user_id, item_kind, item_slug) WHERE ${OPEN_ENROLLMENT}
       DO UPDATE SET assignment_id = EXCLUDED.assignment_id, due_at = EXCLUDED.due_at
        WHERE enrollments.assignment_id IS NULL
       RETURNING id, user_id`,
      [
        assignment.organizationId,
        assignment.id,
        kinds,
        slugs,
        assignment.dueAt,
        assignment.dueWithinDays,
        assignment.dueFrom,
        userIds,
      ],
    );
    if (rows.length > 0) {
      await this.events.publish(manager, 'learning.enrollments-assigned', {
        organizationId: assignment.organizationId,
        enrollmentIds: rows.map((row) => row.id),
      });
    }
    return new Set(rows.map((row) => row.user_id)).size;
  }
}
