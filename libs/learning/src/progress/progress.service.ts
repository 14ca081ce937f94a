import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { LearningCatalog, type LessonRef } from '../content/learning-catalog.js';
import { AttestationEntity } from '../entities/attestation.entity.js';
import {
  EnrollmentEntity,
  OPEN_ENROLLMENT,
  isOpenEnrollment,
} from '../entities/enrollment.entity.js';
import { LessonProgressEntity } from '../entities/lesson-progress.entity.js';
import { LearningErrors } from '../learning.errors.js';
import { CompletionService } from './completion.service.js';

/** Time counted for one visit to a lesson at most: a tab left open overnight is not study. */
const MAX_SECONDS_PER_VISIT = 60 * 60;

export interface LessonStep {
  enrollment: EnrollmentEntity;
  progress: LessonProgressEntity;
}

/**
 * A learner's own progress: optional enrollment, opening and completing lessons (with the
 * attestation a lesson may require), resume point and time spent measured by the server.
 */
@Injectable()
export class ProgressService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LearningCatalog) private readonly catalog: LearningCatalog,
    @Inject(CompletionService) private readonly completion: CompletionService,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  /** Optional learning: opens the course for oneself, or returns the enrollment already open. */
  async enrollSelf(actor: Actor, courseSlug: string): Promise<EnrollmentEntity> {
    await this.catalog.course(actor.organizationId, courseSlug);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO enrollments (organization_id, user_id, item_kind, item_slug, status)
         VALUES ($1, $2, 'course', $3, 'not-started')
         ON CONFLICT (user_id, item_kind, item_slug) WHERE ${OPEN_ENROLLMENT} DO NOTHING`,
        [actor.organizationId, actor.id, courseSlug],
      );
      return manager.getRepository(EnrollmentEntity).findOneOrFail({
        where: {
          organizationId: actor.organizationId,
          userId: actor.id,
          itemKind: 'course',
          itemSlug: courseSlug,
        },
        order: { enrolledAt: 'DESC' },
      });
    });
  }

  /** Records opening a lesson: it becomes the resume point, and its visit clock starts. */
  async openLesson(actor: Actor, enrollmentId: string, lessonSlug: string): Promise<LessonStep> {
    return this.dataSource.transaction(async (manager) => {
      const { enrollment } = await this.lessonOf(manager, actor, enrollmentId, lessonSlug);
      const now = new Date();
      enrollment.status = 'in-progress';
      enrollment.startedAt ??= now;
      enrollment.resumeLessonSlug = lessonSlug;
      await manager.save(enrollment);
      const progress = await this.upsertProgress(manager, enrollment, lessonSlug, now);
      return { enrollment, progress };
    });
  }

  /**
   * Completes a lesson. A lesson with an attestation completes only with `acknowledged`, which
   * records the attestation (statement, exact version, time) in the same transaction.
   */
  async completeLesson(
    actor: Actor,
    input: { enrollmentId: string; lessonSlug: string; acknowledged?: boolean | null },
    meta: RequestMeta,
  ): Promise<LessonStep> {
    return this.dataSource.transaction(async (manager) => {
      const { enrollment, lesson, next } = await this.lessonOf(
        manager,
        actor,
        input.enrollmentId,
        input.lessonSlug,
      );
      const now = new Date();
      if (lesson.attestation) {
        if (!input.acknowledged) {
          throw new DomainError(
            LearningErrors.ATTESTATION_REQUIRED,
            'This lesson asks you to acknowledge its statement before it is complete.',
          );
        }
        await this.attest(manager, actor, enrollment, lesson, now, meta);
      }
      const progress = await this.upsertProgress(manager, enrollment, lesson.slug, now);
      if (!progress.completedAt) {
        progress.completedAt = now;
        progress.lessonVersion = lesson.version;
        await manager.save(progress);
      }
      enrollment.status = 'in-progress';
      enrollment.startedAt ??= now;
      enrollment.resumeLessonSlug = next?.slug ?? lesson.slug;
      await manager.save(enrollment);
      await this.completion.completeIfDone(manager, enrollment);
      return { enrollment, progress };
    });
  }

  private async attest(
    manager: EntityManager,
    actor: Actor,
    enrollment: EnrollmentEntity,
    lesson: LessonRef,
    now: Date,
    meta: RequestMeta,
  ) {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(AttestationEntity)
      .values({
        organizationId: enrollment.organizationId,
        userId: enrollment.userId,
        enrollmentId: enrollment.id,
        lessonSlug: lesson.slug,
        lessonVersion: lesson.version,
        lessonVersionId: lesson.versionId,
        statement: lesson.attestation ?? '',
        attestedAt: now,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw && (inserted.raw as unknown[]).length > 0) {
      await this.audit.recordBy(manager, actor, 'learning.attested', {
        target: { type: 'lesson', id: lesson.versionId },
        meta,
        details: { lesson: lesson.slug, version: lesson.version },
      });
    }
  }

  private visitSeconds(progress: LessonProgressEntity, now: Date): number {
    const seconds = Math.floor((now.getTime() - progress.lastOpenedAt.getTime()) / 1000);
    return Math.max(0, Math.min(seconds, MAX_SECONDS_PER_VISIT));
  }

  private async upsertProgress(
    manager: EntityManager,
    enrollment: EnrollmentEntity,
    lessonSlug: string,
    now: Date,
  ): Promise<LessonProgressEntity> {
    const repository = manager.getRepository(LessonProgressEntity);
    const existing = await repository.findOne({
      where: { enrollmentId: enrollment.id, lessonSlug },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing) {
      // Time since the lesson was last opened counts (capped) until it is completed.
      if (!existing.completedAt) existing.secondsSpent += this.visitSeconds(existing, now);
      existing.lastOpenedAt = now;
      return repository.save(existing);
    }
    return repository.save(
      repository.create({
        organizationId: enrollment.organizationId,
        enrollmentId: enrollment.id,
        lessonSlug,
        lessonVersion: 0,
        startedAt: now,
        lastOpenedAt: now,
        secondsSpent: 0,
      }),
    );
  }

  /** The actor's own open course enrollment, locked, and the lesson within its course. */
  private async lessonOf(
    manager: EntityManager,
    actor: Actor,
    enrollmentId: string,
    lessonSlug: string,
  ) {
    const enrollment = await lockOwnOpenEnrollment(manager, actor, enrollmentId);
    if (enrollment.itemKind !== 'course') {
      throw new DomainError(
        LearningErrors.INVALID_INPUT,
        'Lessons are taken in the enrollment of their course.',
      );
    }
    const outline = await this.catalog.course(actor.organizationId, enrollment.itemSlug, manager);
    const index = outline.lessons.findIndex((lesson) => lesson.slug === lessonSlug);
    const lesson = outline.lessons[index];
    if (!lesson) throw new DomainError(LearningErrors.NOT_FOUND, 'No such lesson in this course.');
    return { enrollment, lesson, next: outline.lessons[index + 1] };
  }
}

/**
 * The actor's own enrollment, locked for the change; another person's or organization's answers
 * like one that does not exist. A completed or withdrawn one is closed.
 */
export async function lockOwnOpenEnrollment(
  manager: EntityManager,
  actor: Actor,
  enrollmentId: string,
): Promise<EnrollmentEntity> {
  const enrollment = await manager.getRepository(EnrollmentEntity).findOne({
    where: { id: enrollmentId, organizationId: actor.organizationId, userId: actor.id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!enrollment) throw new DomainError(LearningErrors.NOT_FOUND, 'No such enrollment.');
  if (!isOpenEnrollment(enrollment.status)) {
    throw new DomainError(
      LearningErrors.ENROLLMENT_CLOSED,
      `This enrollment is ${enrollment.status}.`,
    );
  }
  return enrollment;
}
