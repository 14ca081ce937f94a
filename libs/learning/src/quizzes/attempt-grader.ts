import { Inject, Injectable } from '@nestjs/common';
import type { CatalogRecord, Question } from '@academy/catalog';
import { PreparedQueries } from '@academy/database';
import { DataSource, type EntityManager } from 'typeorm';
import { LearningCatalog, type QuizRules } from '../content/learning-catalog.js';
import { EnrollmentEntity } from '../entities/enrollment.entity.js';
import { QuizAttemptEntity, type GradedBy } from '../entities/quiz-attempt.entity.js';
import { CompletionService } from '../progress/completion.service.js';
import { isPastDeadline } from './attempt-lifecycle.js';
import { AttemptStatements } from './attempt-statements.js';
import { gradeAnswers, type Grade } from './quiz-grading.js';

/**
 * Grades attempts, once each: callers hold the attempt's row lock and grade only an open
 * attempt, and grading closes it in the same transaction. A pass may complete the course.
 */
@Injectable()
export class AttemptGrader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LearningCatalog) private readonly catalog: LearningCatalog,
    @Inject(CompletionService) private readonly completion: CompletionService,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
  ) {}

  /**
   * The quiz and question versions an attempt drew, by version id (one query). Grading returns
   * them too, so that the response needs no second read.
   */
  versionsOf(attempt: QuizAttemptEntity, manager: EntityManager) {
    return this.catalog.versions(
      attempt.organizationId,
      [attempt.quizVersionId, ...attempt.questions.map((question) => question.versionId)],
      manager,
    );
  }

  /**
   * Grades an open attempt inside the caller's transaction (which holds its row lock). Returns
   * the versions it graded with, or null when the attempt was graded meanwhile.
   */
  async gradeWithin(
    manager: EntityManager,
    attempt: QuizAttemptEntity,
    gradedBy: GradedBy,
    submissionKey: string | null,
  ): Promise<ReadonlyMap<string, CatalogRecord> | null> {
    const versions = await this.versionsOf(attempt, manager);
    const grade = this.gradeOf(attempt, versions);
    const recorded = await this.record(manager, attempt, grade, gradedBy, submissionKey);
    return recorded ? versions : null;
  }

  /**
   * Grades a submission without holding a lock while grading: the UPDATE applies only to a
   * still-open attempt, so of concurrent submissions (or a submission and the expiry job)
   * exactly one grades it. A fail is that one statement; a pass also checks, in the same
   * transaction, whether it completes the course. Returns null when another grading won.
   */
  async grade(
    attempt: QuizAttemptEntity,
    gradedBy: GradedBy,
    submissionKey: string,
  ): Promise<ReadonlyMap<string, CatalogRecord> | null> {
    const versions = await this.versionsOf(attempt, this.dataSource.manager);
    const grade = this.gradeOf(attempt, versions);
    const record = (manager: EntityManager) =>
      this.record(manager, attempt, grade, gradedBy, submissionKey);
    const recorded = grade.passed
      ? await this.dataSource.transaction(record)
      : await record(this.dataSource.manager);
    return recorded ? versions : null;
  }

  private gradeOf(attempt: QuizAttemptEntity, versions: ReadonlyMap<string, CatalogRecord>) {
    const rules = versions.get(attempt.quizVersionId)?.content as unknown as QuizRules;
    const keys = attempt.questions.map((drawn) => ({
      ...(versions.get(drawn.versionId)?.content as unknown as Question),
      slug: drawn.slug,
    }));
    return gradeAnswers(keys, attempt.answers, rules.passingScore);
  }

  private async record(
    manager: EntityManager,
    attempt: QuizAttemptEntity,
    grade: Grade,
    gradedBy: GradedBy,
    submissionKey: string | null,
  ): Promise<boolean> {
    const graded = {
      status: 'graded' as const,
      gradedAt: new Date(),
      gradedBy,
      score: grade.score,
      passed: grade.passed,
      correctness: grade.correctness,
      submissionKey,
    };
    const recorded = await this.prepared.query(
      AttemptStatements.grade.name,
      AttemptStatements.grade.text,
      [
        attempt.id,
        graded.gradedAt,
        graded.gradedBy,
        graded.score,
        graded.passed,
        JSON.stringify(graded.correctness),
        graded.submissionKey,
        JSON.stringify(attempt.answers),
      ],
      manager,
    );
    if (recorded.length === 0) return false;
    Object.assign(attempt, graded);
    if (grade.passed) {
      // Starting the attempt already marked the enrollment in progress.
      const [enrollment] = await this.prepared.entities(
        EnrollmentEntity,
        AttemptStatements.lockEnrollment.name,
        AttemptStatements.lockEnrollment.text,
        [attempt.enrollmentId],
        manager,
      );
      if (enrollment) await this.completion.completeIfDone(manager, enrollment);
    }
    return true;
  }

  /**
   * Grades open attempts past their deadline on the answers saved in time. Rows another
   * transaction holds (a submission in flight) are skipped and left to it; returns how many
   * this call graded.
   */
  async expireOverdue(limit = 200): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const overdue = await manager
        .getRepository(QuizAttemptEntity)
        .createQueryBuilder('a')
        .where(`a.status = 'in-progress' AND a.deadline_at IS NOT NULL AND a.deadline_at < now()`)
        .orderBy('a.deadline_at')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const now = new Date();
      let graded = 0;
      for (const attempt of overdue) {
        if (!isPastDeadline(attempt, now)) continue;
        if (await this.gradeWithin(manager, attempt, 'deadline', null)) graded += 1;
      }
      return graded;
    });
  }
}
