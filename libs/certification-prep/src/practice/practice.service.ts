import { Inject, Injectable } from '@nestjs/common';
import type { QuestionRef } from '@academy/catalog';
import { Clock, DomainError } from '@academy/common';
import type { Actor } from '@academy/identity';
import { answerShapeProblem, isCorrect } from '@academy/learning';
import { DataSource, type EntityManager } from 'typeorm';
import { candidateOfRef } from '../blueprints/bank-questions.js';
import { bankParentsOf } from '../blueprints/blueprint.js';
import { PrepCatalog, type BankQuestion, type PrepTrack } from '../blueprints/prep-catalog.js';
import { drawn, type DrawnQuestion } from '../blueprints/question-draw.js';
import { CertificationPrepErrors } from '../certification-prep.errors.js';
import { MockExamEntity, MockExamStatus } from '../entities/mock-exam.entity.js';
import { PracticeSessionEntity, type PracticeMode } from '../entities/practice-session.entity.js';
import { PrepAnswerEntity } from '../entities/prep-answer.entity.js';
import { AnswerHistory, type PastAnswer } from '../history/answer-history.js';
import {
  questionView,
  reviewedView,
  type PrepQuestionView,
  type ReviewedQuestionView,
} from '../blueprints/question-views.js';
import { evidenceOf } from '../readiness/evidence.js';
import { domainReadiness } from '../readiness/readiness-model.js';
import { DueReviews } from '../reviews/due-reviews.js';
import type { Confidence } from '../reviews/review-schedule.js';
import { pickForPractice, practiceCounts } from './practice-selection.js';

/** Questions per practice session: a few minutes' work. */
export const PRACTICE_SESSION_SIZE = 10;

export interface PracticeSessionView {
  id: string;
  trackSlug: string;
  mode: PracticeMode;
  questions: PrepQuestionView[];
}

export interface PracticeFeedbackView extends ReviewedQuestionView {
  /** When the question comes back for review; null when it is not scheduled. */
  nextReviewAt: Date | null;
}

export interface PracticeAnswer {
  sessionId: string;
  questionId: string;
  optionIds: string[];
  confidence: Confidence | null;
}

/**
 * Practice sessions: adaptive ones (weak domains, questions near the learner's level; see
 * practice-selection.ts) and review ones (the FSRS cards due now). Each answer is graded at
 * once and answered with that question's key and explanations; it joins the answer history
 * and reschedules the question's review in the same transaction. While the learner has a mock
 * exam of the track open, practice waits: its feedback would give away the exam's answers.
 */
@Injectable()
export class PracticeService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrepCatalog) private readonly catalog: PrepCatalog,
    @Inject(AnswerHistory) private readonly history: AnswerHistory,
    @Inject(DueReviews) private readonly dueReviews: DueReviews,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async start(actor: Actor, trackSlug: string, mode: PracticeMode): Promise<PracticeSessionView> {
    const track = await this.catalog.track(actor.organizationId, trackSlug);
    await this.refuseDuringExam(this.dataSource.manager, actor, trackSlug);
    const now = this.clock.now();
    const questions =
      mode === 'review'
        ? await this.dueQuestions(actor, track, now)
        : await this.adaptive(actor, track);
    if (questions.length === 0) {
      throw new DomainError(
        CertificationPrepErrors.NOTHING_TO_PRACTISE,
        mode === 'review' ? 'No reviews are due.' : 'This track has no questions to practise.',
      );
    }
    const session = await this.dataSource.getRepository(PracticeSessionEntity).save({
      organizationId: actor.organizationId,
      userId: actor.id,
      trackSlug,
      mode,
      createdAt: now,
      questions,
    });
    const texts = await this.catalog.questions(
      actor.organizationId,
      questions.map((question) => question.versionId),
    );
    return {
      id: session.id,
      trackSlug,
      mode,
      questions: questions.map((question) =>
        questionView(question, texts.get(question.versionId) as BankQuestion),
      ),
    };
  }

  /** Grades one answer of a session at once: each question of a session is answered once. */
  async answer(actor: Actor, given: PracticeAnswer): Promise<PracticeFeedbackView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.lockOwn(manager, actor, given.sessionId);
      // A session started before the exam: its answers wait until the exam is over.
      await this.refuseDuringExam(manager, actor, session.trackSlug);
      const question = session.questions.find(
        (drawnQuestion) => drawnQuestion.slug === given.questionId,
      );
      if (!question) {
        throw new DomainError(
          CertificationPrepErrors.INVALID_INPUT,
          `Question "${given.questionId}" is not in this session.`,
        );
      }
      const problem = answerShapeProblem(
        given.questionId,
        question.type,
        question.optionOrder,
        given.optionIds,
      );
      if (problem) throw new DomainError(CertificationPrepErrors.INVALID_INPUT, problem);
      if (
        await manager.existsBy(PrepAnswerEntity, {
          organizationId: actor.organizationId,
          sessionId: session.id,
          questionSlug: question.slug,
        })
      ) {
        throw new DomainError(
          CertificationPrepErrors.ALREADY_ANSWERED,
          'This question of the session is answered.',
        );
      }
      const [record] = (
        await this.catalog.questions(actor.organizationId, [question.versionId], manager)
      ).values();
      const correct = isCorrect(
        { ...(record as BankQuestion).content, slug: question.slug },
        given.optionIds,
      );
      const due = await this.history.record(
        manager,
        { organizationId: actor.organizationId, userId: actor.id },
        session.trackSlug,
        'practice',
        session.id,
        [
          {
            domain: question.domain,
            questionSlug: question.slug,
            correct,
            confidence: given.confidence,
          },
        ],
        this.clock.now(),
      );
      return {
        ...reviewedView(question, record as BankQuestion, given.optionIds, correct),
        nextReviewAt: due.get(question.slug) ?? null,
      };
    });
  }

  private async refuseDuringExam(
    manager: EntityManager,
    actor: Actor,
    trackSlug: string,
  ): Promise<void> {
    const open = await manager.existsBy(MockExamEntity, {
      organizationId: actor.organizationId,
      userId: actor.id,
      trackSlug,
      status: MockExamStatus.IN_PROGRESS,
    });
    if (open) {
      throw new DomainError(
        CertificationPrepErrors.EXAM_IN_PROGRESS,
        'You have a mock exam of this track open: practise once it is submitted.',
      );
    }
  }

  private async adaptive(actor: Actor, track: PrepTrack): Promise<DrawnQuestion[]> {
    const learner = { organizationId: actor.organizationId, userId: actor.id };
    const [refs, answers] = await Promise.all([
      this.catalog.questionRefs(actor.organizationId, track.blueprint),
      this.history.answers(learner, track.slug),
    ]);
    const estimates = new Map(
      evidenceOf(track.blueprint, answers, this.clock.now()).map((evidence) => [
        evidence.domain,
        domainReadiness(evidence).estimate,
      ]),
    );
    const last = lastAnswered(answers);
    return pickForPractice(
      refs.map((ref) => ({
        ...candidateOfRef(ref),
        difficulty: ref.difficulty,
        lastAnsweredAt: last.get(ref.slug) ?? null,
      })),
      practiceCounts(track.blueprint.domains, estimates, PRACTICE_SESSION_SIZE),
      estimates,
    );
  }

  /** The cards due now, soonest first, as their questions' current versions. */
  private async dueQuestions(actor: Actor, track: PrepTrack, now: Date): Promise<DrawnQuestion[]> {
    const learner = { organizationId: actor.organizationId, userId: actor.id };
    const refs = new Map(
      (await this.catalog.questionRefs(actor.organizationId, track.blueprint)).map((ref) => [
        ref.slug,
        ref,
      ]),
    );
    const cards = await this.dueReviews.cards(
      learner,
      track.slug,
      now,
      bankParentsOf(track.blueprint),
      PRACTICE_SESSION_SIZE,
    );
    // Only cards of these questions are due: each has its reference.
    return cards.map((card) => drawn(candidateOfRef(refs.get(card.questionSlug) as QuestionRef)));
  }

  private async lockOwn(manager: EntityManager, actor: Actor, sessionId: string) {
    const session = await manager.getRepository(PracticeSessionEntity).findOne({
      where: { id: sessionId, organizationId: actor.organizationId, userId: actor.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) {
      throw new DomainError(CertificationPrepErrors.NOT_FOUND, 'No such practice session.');
    }
    return session;
  }
}

function lastAnswered(answers: readonly PastAnswer[]): Map<string, Date> {
  const last = new Map<string, Date>();
  for (const answer of answers) last.set(answer.questionSlug, answer.answeredAt);
  return last;
}
