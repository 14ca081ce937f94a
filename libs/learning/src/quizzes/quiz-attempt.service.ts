import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import type { CatalogRecord } from '@academy/catalog';
import { PreparedQueries } from '@academy/database';
import type { Actor } from '@academy/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { LearningCatalog, type QuizRules } from '../content/learning-catalog.js';
import { EnrollmentEntity, OPEN_ENROLLMENT } from '../entities/enrollment.entity.js';
import { QuizAttemptEntity, type DrawnQuestion } from '../entities/quiz-attempt.entity.js';
import { LearningErrors } from '../learning.errors.js';
import {
  decideAnswer,
  decideStart,
  decideSubmit,
  mustExpire,
  type AttemptState,
} from './attempt-lifecycle.js';
import { checkAnswers } from './answer-shape.js';
import { AttemptGrader } from './attempt-grader.js';
import { AttemptStatements } from './attempt-statements.js';
import { attemptView, type QuizAttemptView } from './attempt-views.js';
import { drawQuestions } from './quiz-draw.js';

export const QuizClosedReason = {
  NOT_ENROLLED: 'NOT_ENROLLED',
  COURSE_COMPLETED: 'COURSE_COMPLETED',
} as const;
export type QuizClosedReason = (typeof QuizClosedReason)[keyof typeof QuizClosedReason];

export type StartOutcome =
  | { kind: 'started'; attempt: QuizAttemptView; resumed: boolean }
  | { kind: 'limit-reached'; attemptsAllowed: number }
  | { kind: 'cooldown'; retryAt: Date }
  | { kind: 'closed'; reason: QuizClosedReason };

export type AnswerOutcome =
  | { kind: 'saved'; attempt: QuizAttemptView }
  | { kind: 'deadline-passed'; attemptId: string }
  | { kind: 'already-graded'; attemptId: string };

export type SubmitOutcome =
  { kind: 'graded'; attempt: QuizAttemptView } | { kind: 'already-graded'; attemptId: string };

export interface GivenAnswer {
  questionId: string;
  optionIds: string[];
}

const stateOf = (attempt: QuizAttemptEntity): AttemptState => ({
  number: attempt.number,
  open: attempt.status === 'in-progress',
  deadlineAt: attempt.deadlineAt,
  gradedAt: attempt.gradedAt,
  passed: attempt.passed,
  submissionKey: attempt.submissionKey,
});

/**
 * Server-authoritative quiz attempts (rules in attempt-lifecycle.ts). The client sends only
 * choices: which questions, their order, the deadline, the grade and who is answering all come
 * from the server. Each change locks the attempt (or, to start one, the enrollment) so that
 * concurrent requests are decided one at a time.
 */
@Injectable()
export class QuizAttemptService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LearningCatalog) private readonly catalog: LearningCatalog,
    @Inject(AttemptGrader) private readonly grader: AttemptGrader,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
  ) {}

  async start(actor: Actor, quizSlug: string): Promise<StartOutcome> {
    const quiz = await this.catalog.quiz(actor.organizationId, quizSlug);
    return this.dataSource.transaction(async (manager) => {
      const enrollment = await manager
        .getRepository(EnrollmentEntity)
        .createQueryBuilder('e')
        .where('e.organization_id = :org AND e.user_id = :user', {
          org: actor.organizationId,
          user: actor.id,
        })
        .andWhere(`e.item_kind = 'course' AND e.item_slug = :course AND e.${OPEN_ENROLLMENT}`, {
          course: quiz.course,
        })
        .setLock('pessimistic_write')
        .getOne();
      if (!enrollment)
        return { kind: 'closed', reason: await this.closedReason(manager, actor, quiz.course) };
      const attempts = await manager
        .getRepository(QuizAttemptEntity)
        .findBy({ enrollmentId: enrollment.id, quizSlug });
      const now = new Date();
      let expired = false;
      for (const attempt of attempts) {
        if (!mustExpire(stateOf(attempt), now)) continue;
        expired = true;
        // A submission racing in without the enrollment lock may have graded it first.
        if (!(await this.grader.gradeWithin(manager, attempt, 'deadline', null))) {
          Object.assign(
            attempt,
            await manager.findOneByOrFail(QuizAttemptEntity, { id: attempt.id }),
          );
        }
      }
      // A pass graded just now may have completed the course.
      if (
        expired &&
        (await manager.existsBy(EnrollmentEntity, { id: enrollment.id, status: 'completed' }))
      ) {
        return { kind: 'closed', reason: 'COURSE_COMPLETED' };
      }
      const decision = decideStart(attempts.map(stateOf), this.lifecycleRules(quiz.rules), now);
      switch (decision.kind) {
        case 'limit-reached':
        case 'cooldown':
          return decision;
        case 'resume': {
          const open = attempts.find((attempt) => attempt.number === decision.number);
          return {
            kind: 'started',
            attempt: await this.view(manager, open as QuizAttemptEntity),
            resumed: true,
          };
        }
        case 'start': {
          const attempt = await manager.getRepository(QuizAttemptEntity).save(
            manager.create(QuizAttemptEntity, {
              organizationId: actor.organizationId,
              userId: actor.id,
              enrollmentId: enrollment.id,
              quizSlug,
              quizVersionId: quiz.versionId,
              number: decision.number,
              status: 'in-progress',
              startedAt: now,
              deadlineAt: decision.deadlineAt,
              questions: await this.draw(manager, actor.organizationId, quizSlug, quiz.rules),
              answers: {},
            }),
          );
          if (enrollment.status === 'not-started') {
            enrollment.status = 'in-progress';
            enrollment.startedAt = now;
            await manager.save(enrollment);
          }
          return { kind: 'started', attempt: await this.view(manager, attempt), resumed: false };
        }
      }
    });
  }

  async saveAnswer(actor: Actor, attemptId: string, answer: GivenAnswer): Promise<AnswerOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const attempt = await this.findOwn(actor, attemptId, manager);
      const decision = decideAnswer(stateOf(attempt), new Date());
      if (decision.kind === 'closed') return { kind: 'already-graded', attemptId };
      if (decision.kind === 'deadline-passed') return { kind: 'deadline-passed', attemptId };
      const answers = this.checked(attempt, [answer]);
      attempt.answers = { ...attempt.answers, ...answers };
      await manager.save(attempt);
      return { kind: 'saved', attempt: await this.view(manager, attempt) };
    });
  }

  /**
   * Grades the attempt with the given answers (over those saved). The same idempotency key
   * again gets the stored grade; another submission of a graded attempt gets ALREADY_GRADED.
   * Past the deadline, the answers given now are refused and the attempt is graded as it stood.
   * No lock is held while grading: AttemptGrader.grade records only over a still-open attempt,
   * and a submission that loses the race is answered from the grade that won.
   */
  async submit(
    actor: Actor,
    attemptId: string,
    given: GivenAnswer[],
    idempotencyKey: string,
  ): Promise<SubmitOutcome> {
    const key = idempotencyKey.trim();
    if (key.length < 8 || key.length > 128) {
      throw new DomainError(
        LearningErrors.INVALID_INPUT,
        'An idempotency key has 8 to 128 characters (a UUID is a good one).',
      );
    }
    const manager = this.dataSource.manager;
    const attempt = await this.findOwn(actor, attemptId);
    const decision = decideSubmit(stateOf(attempt), key, new Date());
    if (decision.kind === 'grade') {
      attempt.answers = { ...attempt.answers, ...this.checked(attempt, given) };
    }
    if (decision.kind === 'grade' || decision.kind === 'grade-as-saved') {
      const gradedBy = decision.kind === 'grade' ? 'submission' : 'deadline';
      const versions = await this.grader.grade(attempt, gradedBy, key);
      if (versions) return { kind: 'graded', attempt: await this.view(manager, attempt, versions) };
      // Graded meanwhile: answer as if this submission had come second.
      return this.afterGrading(actor, attemptId, key);
    }
    return decision.kind === 'replay'
      ? { kind: 'graded', attempt: await this.view(manager, attempt) }
      : { kind: 'already-graded', attemptId };
  }

  private async afterGrading(actor: Actor, attemptId: string, key: string): Promise<SubmitOutcome> {
    const manager = this.dataSource.manager;
    const attempt = await this.findOwn(actor, attemptId);
    return decideSubmit(stateOf(attempt), key, new Date()).kind === 'replay'
      ? { kind: 'graded', attempt: await this.view(manager, attempt) }
      : { kind: 'already-graded', attemptId };
  }

  /** One of the actor's own attempts. */
  async get(actor: Actor, attemptId: string): Promise<QuizAttemptView> {
    const attempt = await this.findOwn(actor, attemptId);
    return this.view(this.dataSource.manager, attempt, undefined, false);
  }

  /**
   * The learner's view of an attempt. Attempts still open, or just graded, are the latest of
   * their quiz, so their number is the count of attempts used; only an older one needs counting.
   */
  private async view(
    manager: EntityManager,
    attempt: QuizAttemptEntity,
    versions?: ReadonlyMap<string, CatalogRecord>,
    latest = true,
  ): Promise<QuizAttemptView> {
    const [drawn, used] = await Promise.all([
      versions ?? this.grader.versionsOf(attempt, manager),
      latest
        ? attempt.number
        : manager
            .query<{ n: number }[]>(
              'SELECT count(*)::int AS n FROM quiz_attempts WHERE enrollment_id = $1 AND quiz_slug = $2',
              [attempt.enrollmentId, attempt.quizSlug],
            )
            .then(([row]) => row?.n ?? attempt.number),
    ]);
    return attemptView(attempt, drawn, used);
  }

  private async draw(
    manager: EntityManager,
    organizationId: string,
    quizSlug: string,
    rules: QuizRules,
  ): Promise<DrawnQuestion[]> {
    const pool = await this.catalog.questionPool(organizationId, quizSlug, manager);
    const bySlug = new Map(pool.map((record) => [record.slug, record]));
    const drawn = drawQuestions(
      pool.map((record) => ({
        slug: record.slug,
        tags: record.content.tags,
        optionIds: record.content.options.map((option) => option.id),
        ordering: record.content.type === 'ordering',
      })),
      rules,
    );
    return drawn.map((question) => {
      const record = bySlug.get(question.slug) as (typeof pool)[number];
      return {
        slug: question.slug,
        versionId: record.versionId,
        type: record.content.type,
        optionOrder: question.optionOrder,
      };
    });
  }

  /** Answers checked against the drawn questions: unknown questions or options are refused. */
  private checked(attempt: QuizAttemptEntity, given: GivenAnswer[]): Record<string, string[]> {
    const checked = checkAnswers(attempt.questions, given, 'this attempt');
    if ('problem' in checked) throw invalid(checked.problem);
    return checked.answers;
  }

  /** One of the actor's attempts; given a transaction's manager, locked in it. */
  private async findOwn(actor: Actor, attemptId: string, lockWithin?: EntityManager) {
    const statement = lockWithin ? AttemptStatements.ownLocked : AttemptStatements.own;
    const [attempt] = await this.prepared.entities(
      QuizAttemptEntity,
      statement.name,
      statement.text,
      [attemptId, actor.organizationId, actor.id],
      lockWithin,
    );
    if (!attempt) throw new DomainError(LearningErrors.NOT_FOUND, 'No such attempt.');
    return attempt;
  }

  private async closedReason(
    manager: EntityManager,
    actor: Actor,
    course: string,
  ): Promise<QuizClosedReason> {
    const completed = await manager.getRepository(EnrollmentEntity).existsBy({
      organizationId: actor.organizationId,
      userId: actor.id,
      itemKind: 'course',
      itemSlug: course,
      status: 'completed',
    });
    return completed ? 'COURSE_COMPLETED' : 'NOT_ENROLLED';
  }

  private lifecycleRules(rules: QuizRules) {
    return {
      attemptsAllowed: rules.attemptsAllowed ?? null,
      cooldownMinutes: rules.cooldownMinutes,
      timeLimitMinutes: rules.timeLimitMinutes ?? null,
    };
  }
}

const invalid = (message: string) => new DomainError(LearningErrors.INVALID_INPUT, message);
