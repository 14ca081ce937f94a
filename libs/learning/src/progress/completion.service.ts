import { Inject, Injectable } from '@nestjs/common';
import { DomainEvents, PreparedQueries } from '@academy/database';
import type { EntityManager } from 'typeorm';
import { CertificateService, addMonths } from '../certificates/certificate.service.js';
import { LearningCatalog, type LearningItem } from '../content/learning-catalog.js';
import { AssignmentEntity } from '../entities/assignment.entity.js';
import { EnrollmentEntity, OPEN_ENROLLMENT } from '../entities/enrollment.entity.js';

/**
 * Decides when learning is complete, inside the transaction of the step that may complete it:
 * a course when every lesson is done and every module quiz passed in this enrollment; a track
 * when each of its courses was completed since the track was assigned. Completion issues the
 * certificate and, for recurring assignments, opens the next cycle, due when the certificate
 * expires.
 */
@Injectable()
export class CompletionService {
  constructor(
    @Inject(LearningCatalog) private readonly catalog: LearningCatalog,
    @Inject(CertificateService) private readonly certificates: CertificateService,
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
  ) {}

  /** Completes the course enrollment if it is done, then any track it finishes. */
  async completeIfDone(manager: EntityManager, enrollment: EnrollmentEntity): Promise<boolean> {
    const outline = await this.catalog.course(
      enrollment.organizationId,
      enrollment.itemSlug,
      manager,
    );
    const [state] = await this.prepared.query<{ lessons_done: string[]; quizzes_passed: string[] }>(
      'learning.completion-state',
      `SELECT
         ARRAY(SELECT lesson_slug FROM lesson_progress
                WHERE enrollment_id = $1 AND completed_at IS NOT NULL) AS lessons_done,
         ARRAY(SELECT DISTINCT quiz_slug FROM quiz_attempts
                WHERE enrollment_id = $1 AND passed) AS quizzes_passed`,
      [enrollment.id],
      manager,
    );
    const lessonsDone = new Set(state?.lessons_done ?? []);
    const quizzesPassed = new Set(state?.quizzes_passed ?? []);
    const done =
      outline.lessons.every((lesson) => lessonsDone.has(lesson.slug)) &&
      outline.quizzes.every((quiz) => quizzesPassed.has(quiz.slug));
    if (!done) return false;
    await this.complete(manager, enrollment, {
      kind: 'course',
      slug: outline.slug,
      title: outline.title,
      version: outline.version,
      courseSlugs: [outline.slug],
    });
    await this.completeTracksOf(manager, enrollment);
    return true;
  }

  private async completeTracksOf(manager: EntityManager, course: EnrollmentEntity) {
    const tracks = await manager.query<{ id: string; item_slug: string }[]>(
      `SELECT id, item_slug FROM enrollments
        WHERE user_id = $1 AND organization_id = $2 AND item_kind = 'track' AND ${OPEN_ENROLLMENT}
        FOR UPDATE`,
      [course.userId, course.organizationId],
    );
    for (const track of tracks) {
      const item = await this.catalog.item(
        course.organizationId,
        'track',
        track.item_slug,
        manager,
      );
      if (!item.courseSlugs.includes(course.itemSlug)) continue;
      const [pending] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM unnest($2::text[]) AS wanted(slug)
          WHERE NOT EXISTS (
            SELECT 1 FROM enrollments c, enrollments t
             WHERE t.id = $1 AND c.organization_id = t.organization_id AND c.user_id = t.user_id
               AND c.item_kind = 'course'
               AND c.item_slug = wanted.slug AND c.status = 'completed'
               AND c.completed_at >= t.enrolled_at)`,
        [track.id, item.courseSlugs],
      );
      if (pending?.n !== 0) continue;
      const enrollment = await manager
        .getRepository(EnrollmentEntity)
        .findOneByOrFail({ id: track.id });
      await this.complete(manager, enrollment, item);
    }
  }

  private async complete(manager: EntityManager, enrollment: EnrollmentEntity, item: LearningItem) {
    const completedAt = new Date();
    enrollment.status = 'completed';
    enrollment.completedAt = completedAt;
    enrollment.startedAt ??= completedAt;
    await manager.save(enrollment);
    const assignment = enrollment.assignmentId
      ? await manager.getRepository(AssignmentEntity).findOneBy({ id: enrollment.assignmentId })
      : null;
    const recurrence = assignment?.withdrawnAt ? null : (assignment?.recurrenceMonths ?? null);
    await this.certificates.issueWithin(manager, enrollment, item, recurrence);
    await this.events.publish(manager, 'learning.enrollment-completed', {
      organizationId: enrollment.organizationId,
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
    });
    if (recurrence) {
      const next = await manager.save(
        manager.create(EnrollmentEntity, {
          organizationId: enrollment.organizationId,
          userId: enrollment.userId,
          itemKind: enrollment.itemKind,
          itemSlug: enrollment.itemSlug,
          assignmentId: enrollment.assignmentId,
          cycle: enrollment.cycle + 1,
          status: 'not-started',
          dueAt: addMonths(completedAt, recurrence),
        }),
      );
      await this.events.publish(manager, 'learning.enrollments-assigned', {
        organizationId: enrollment.organizationId,
        enrollmentIds: [next.id],
      });
    }
  }
}
