import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import type { Actor } from '@academy/identity';
import {
  checkAnswers,
  decideSubmit,
  isPastDeadline,
  shuffled,
  type AttemptState,
} from '@academy/learning';
import { DataSource, type EntityManager } from 'typeorm';
import { candidateOfQuestion } from '../blueprints/bank-questions.js';
import { PrepCatalog, type BankQuestion } from '../blueprints/prep-catalog.js';
import { drawn } from '../blueprints/question-draw.js';
import { CertificationPrepErrors } from '../certification-prep.errors.js';
import { MockExamEntity, type MockExamGradedBy } from '../entities/mock-exam.entity.js';
import { AnswerHistory } from '../history/answer-history.js';
import { gradeExam } from './exam-grading.js';
import { mockExamView, type MockExamView } from './mock-exam-views.js';

export interface GivenAnswer {
  questionId: string;
  optionIds: string[];
}

const MINUTE = 60_000;

const stateOf = (exam: MockExamEntity): AttemptState => ({
  number: 1,
  open: exam.status === 'in-progress',
  deadlineAt: exam.deadlineAt,
  gradedAt: exam.gradedAt,
  passed: exam.passed,
  submissionKey: exam.submissionKey,
});

const invalid = (message: string) =>
  new DomainError(CertificationPrepErrors.INVALID_INPUT, message);

/**
 * Timed mock exams held by the server, with the deadline and submission rules of quiz attempts
 * (libs/learning attempt-lifecycle: 2 s of grace, an idempotent submission, answers given
 * after the deadline ignored). Grading records every answer in the learner's history and
 * schedules the missed questions for review, in the transaction that grades.
 */
@Injectable()
export class MockExamService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrepCatalog) private readonly catalog: PrepCatalog,
    @Inject(AnswerHistory) private readonly history: AnswerHistory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Starts a mock exam of the track's blueprint, or resumes the open one. One open exam per
   * person and track, kept by a unique index: of two concurrent starts one inserts, the other
   * finds nothing inserted and resumes that exam. The common path is four statements and no
   * transaction: the exam is a single row.
   */
  async start(actor: Actor, trackSlug: string): Promise<MockExamView> {
    const track = await this.catalog.track(actor.organizationId, trackSlug);
    const learner = { organizationId: actor.organizationId, userId: actor.id };
    const open = await this.openExam(this.dataSource.manager, actor, trackSlug);
    const now = this.clock.now();
    if (open && !isPastDeadline(open, now)) return this.view(this.dataSource.manager, open);
    if (open) await this.gradeExpired(actor, trackSlug, now);
    const seen = await this.history.seenQuestions(learner, trackSlug);
    const sampled = await this.catalog.sampleExam(actor.organizationId, track.blueprint, seen);
    // Domains mixed, as in the real exam.
    const questions = shuffled(sampled).map((question) => drawn(candidateOfQuestion(question)));
    const values = {
      organizationId: actor.organizationId,
      userId: actor.id,
      trackSlug,
      trackVersionId: track.versionId,
      status: 'in-progress' as const,
      startedAt: now,
      deadlineAt: new Date(now.getTime() + track.blueprint.timeLimitMinutes * MINUTE),
      questions,
      answers: {},
    };
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MockExamEntity)
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    const [generated] = inserted.generatedMaps;
    if (!generated?.id) {
      // Another start of the same person won the unique index: resume the exam it opened.
      const winner = await this.openExam(this.dataSource.manager, actor, trackSlug);
      if (!winner) throw new Error('a concurrent mock exam start left no open exam');
      return this.view(this.dataSource.manager, winner);
    }
    const exam = this.dataSource.manager.create(MockExamEntity, { ...values, ...generated });
    return mockExamView(
      exam,
      track,
      new Map(sampled.map((question) => [question.versionId, question])),
    );
  }

  private openExam(manager: EntityManager, actor: Actor, trackSlug: string, lock = false) {
    return manager.getRepository(MockExamEntity).findOne({
      where: {
        organizationId: actor.organizationId,
        userId: actor.id,
        trackSlug,
        status: 'in-progress',
      },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * Grades the person's open exam of the track, past its deadline, before a new one starts.
   * Locked, and read again under the lock: the sweep or a late submission may have graded it.
   */
  private async gradeExpired(actor: Actor, trackSlug: string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const open = await this.openExam(manager, actor, trackSlug, true);
      if (open && isPastDeadline(open, now)) await this.grade(manager, open, 'deadline', null, now);
    });
  }

  /** Saves answers of an open exam before its deadline (they count if the time runs out). */
  async saveAnswer(actor: Actor, examId: string, answer: GivenAnswer): Promise<MockExamView> {
    return this.dataSource.transaction(async (manager) => {
      const exam = await this.findOwn(manager, actor, examId, true);
      if (exam.status !== 'in-progress') {
        throw new DomainError(CertificationPrepErrors.ALREADY_GRADED, 'This exam is graded.');
      }
      if (isPastDeadline(exam, this.clock.now())) {
        throw new DomainError(
          CertificationPrepErrors.DEADLINE_PASSED,
          'The time of this exam is up; answers saved before count.',
        );
      }
      exam.answers = { ...exam.answers, ...this.checked(exam, [answer]) };
      await manager.save(exam);
      return this.view(manager, exam);
    });
  }

  /**
   * Grades the exam with the given answers over those saved. The same idempotency key again
   * gets the same result; another submission of a graded exam gets ALREADY_GRADED. Past the
   * deadline, the answers given now are ignored and the exam is graded as it stood.
   */
  async submit(
    actor: Actor,
    examId: string,
    given: GivenAnswer[],
    idempotencyKey: string,
  ): Promise<MockExamView> {
    const key = idempotencyKey.trim();
    if (key.length < 8 || key.length > 128) {
      throw invalid('An idempotency key has 8 to 128 characters (a UUID is a good one).');
    }
    return this.dataSource.transaction(async (manager) => {
      const exam = await this.findOwn(manager, actor, examId, true);
      const now = this.clock.now();
      const decision = decideSubmit(stateOf(exam), key, now);
      switch (decision.kind) {
        case 'already-graded':
          throw new DomainError(CertificationPrepErrors.ALREADY_GRADED, 'This exam is graded.');
        case 'replay':
          return this.view(manager, exam);
        case 'grade':
          exam.answers = { ...exam.answers, ...this.checked(exam, given) };
          return this.view(manager, await this.grade(manager, exam, 'submission', key, now));
        case 'grade-as-saved':
          return this.view(manager, await this.grade(manager, exam, 'deadline', key, now));
      }
    });
  }

  /** One of the actor's own exams; an open one whose time is up is graded first. */
  async get(actor: Actor, examId: string): Promise<MockExamView> {
    return this.dataSource.transaction(async (manager) => {
      const exam = await this.findOwn(manager, actor, examId, true);
      const now = this.clock.now();
      if (exam.status === 'in-progress' && isPastDeadline(exam, now)) {
        await this.grade(manager, exam, 'deadline', null, now);
      }
      return this.view(manager, exam);
    });
  }

  /**
   * Grades open exams past their deadline on the answers saved in time (the worker's sweep), so
   * that an abandoned exam still counts in readiness. Rows another transaction holds (a
   * submission in flight) are skipped and left to it; returns how many this call graded.
   */
  async expireOverdue(limit = 200): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const overdue = await manager
        .getRepository(MockExamEntity)
        .createQueryBuilder('e')
        .where(`e.status = 'in-progress' AND e.deadline_at < :now`, { now })
        .orderBy('e.deadline_at')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const expired = overdue.filter((exam) => isPastDeadline(exam, now));
      for (const exam of expired) await this.grade(manager, exam, 'deadline', null, now);
      return expired.length;
    });
  }

  /** Grades an open exam whose row the caller has locked. */
  private async grade(
    manager: EntityManager,
    exam: MockExamEntity,
    gradedBy: MockExamGradedBy,
    submissionKey: string | null,
    now: Date,
  ): Promise<MockExamEntity> {
    const track = await this.catalog.trackVersion(
      exam.organizationId,
      exam.trackVersionId,
      manager,
    );
    const questions = await this.catalog.questions(
      exam.organizationId,
      exam.questions.map((question) => question.versionId),
      manager,
    );
    const keys = new Map(
      exam.questions.map((drawn) => [
        drawn.slug,
        // Versions are immutable and never deleted: the drawn one is always there.
        { ...(questions.get(drawn.versionId) as BankQuestion).content, slug: drawn.slug },
      ]),
    );
    const grade = gradeExam(
      exam.questions,
      keys,
      exam.answers,
      track.blueprint.passingScore,
      track.blueprint.domains.map((domain) => domain.slug),
    );
    Object.assign(exam, {
      status: 'graded',
      gradedAt: now,
      gradedBy,
      score: grade.score,
      passed: grade.passed,
      correctness: grade.correctness,
      domainResults: grade.domains,
      submissionKey,
    });
    await manager.save(exam);
    // Only answers are evidence: an unanswered question (an exam left when time ran out) counts
    // as wrong in the exam's score, but says nothing of what the learner knows, so it neither
    // lowers their readiness nor becomes a review card.
    await this.history.record(
      manager,
      { organizationId: exam.organizationId, userId: exam.userId },
      exam.trackSlug,
      'mock-exam',
      exam.id,
      exam.questions
        .filter((drawn) => drawn.slug in exam.answers)
        .map((drawn) => ({
          domain: drawn.domain,
          questionSlug: drawn.slug,
          correct: grade.correctness[drawn.slug] ?? false,
          confidence: null,
        })),
      now,
    );
    return exam;
  }

  private async view(manager: EntityManager, exam: MockExamEntity): Promise<MockExamView> {
    const [track, questions] = await Promise.all([
      this.catalog.trackVersion(exam.organizationId, exam.trackVersionId, manager),
      this.catalog.questions(
        exam.organizationId,
        exam.questions.map((question) => question.versionId),
        manager,
      ),
    ]);
    return mockExamView(exam, track, questions);
  }

  /** Answers checked against the drawn questions: unknown questions or options are refused. */
  private checked(exam: MockExamEntity, given: GivenAnswer[]): Record<string, string[]> {
    const checked = checkAnswers(exam.questions, given, 'this exam');
    if ('problem' in checked) throw invalid(checked.problem);
    return checked.answers;
  }

  private async findOwn(manager: EntityManager, actor: Actor, examId: string, lock = false) {
    const exam = await manager.getRepository(MockExamEntity).findOne({
      where: { id: examId, organizationId: actor.organizationId, userId: actor.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!exam) throw new DomainError(CertificationPrepErrors.NOT_FOUND, 'No such mock exam.');
    return exam;
  }
}
