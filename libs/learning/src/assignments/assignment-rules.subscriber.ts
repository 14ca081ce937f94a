import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@academy/database';
import { IsNull, type EntityManager } from 'typeorm';
import { AssignmentEntity } from '../entities/assignment.entity.js';
import { OPEN_ENROLLMENT } from '../entities/enrollment.entity.js';
import { EnrollmentWriter } from './enrollment-writer.js';

/**
 * Keeps learning in step with identity, inside identity's transactions: standing rules reach
 * people as they join a group or the organization; deactivation withdraws a person's open
 * enrollments and reactivation restores those it withdrew.
 */
@Injectable()
export class AssignmentRulesSubscriber implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(EnrollmentWriter) private readonly writer: EnrollmentWriter,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('identity.group-members-added', async (manager, event) => {
      await this.applyRules(manager, event.organizationId, event.userIds, {
        followsGroupId: event.groupId,
      });
    });
    this.events.subscribe('identity.user-joined', async (manager, event) => {
      await this.applyRules(manager, event.organizationId, [event.userId], {
        followsNewHires: true,
      });
    });
    this.events.subscribe('identity.user-deactivated', async (manager, event) => {
      const [rows] = await manager.query<[{ id: string }[], number]>(
        `UPDATE enrollments SET status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = 'deactivated'
          WHERE organization_id = $1 AND user_id = $2 AND ${OPEN_ENROLLMENT} RETURNING id`,
        [event.organizationId, event.userId],
      );
      if (rows.length > 0) {
        await this.events.publish(manager, 'learning.enrollments-withdrawn', {
          organizationId: event.organizationId,
          enrollmentIds: rows.map((row) => row.id),
          reason: 'deactivated',
        });
      }
    });
    this.events.subscribe('identity.user-reactivated', async (manager, event) => {
      // The most recent cycle of each item withdrawn by the deactivation, unless its
      // assignment was withdrawn meanwhile or the item is open again some other way.
      const [rows] = await manager.query<[{ id: string }[], number]>(
        `UPDATE enrollments e
            SET status = CASE WHEN e.started_at IS NULL THEN 'not-started' ELSE 'in-progress' END,
                withdrawn_at = NULL, withdrawn_reason = NULL
          WHERE e.organization_id = $1 AND e.user_id = $2 AND e.withdrawn_reason = 'deactivated'
            AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.id = e.assignment_id AND a.withdrawn_at IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM enrollments o
                             WHERE o.organization_id = e.organization_id AND o.user_id = e.user_id
                              AND o.item_kind = e.item_kind AND o.item_slug = e.item_slug
                              AND (o.${OPEN_ENROLLMENT} OR o.enrolled_at > e.enrolled_at))
          RETURNING e.id`,
        [event.organizationId, event.userId],
      );
      if (rows.length > 0) {
        await this.events.publish(manager, 'learning.enrollments-assigned', {
          organizationId: event.organizationId,
          enrollmentIds: rows.map((row) => row.id),
        });
      }
    });
  }

  private async applyRules(
    manager: EntityManager,
    organizationId: string,
    userIds: string[],
    follows: { followsGroupId: string } | { followsNewHires: true },
  ): Promise<void> {
    const rules = await manager.getRepository(AssignmentEntity).findBy({
      organizationId,
      withdrawnAt: IsNull(),
      ...follows,
    });
    for (const rule of rules) {
      await this.writer.enroll(manager, rule, userIds);
    }
  }
}
