import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PrepAnswerSource } from '../entities/prep-answer.entity.js';
import { ReviewCards, type GradedAnswer, type Learner } from '../reviews/review-cards.js';

export interface PastAnswer {
  domain: string;
  questionSlug: string;
  correct: boolean;
  answeredAt: Date;
}

/**
 * Every graded answer a learner gave in mock exams and practice, per track: the evidence of
 * readiness, what draws count as seen, and (through ReviewCards) what is scheduled for review.
 */
@Injectable()
export class AnswerHistory {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReviewCards) private readonly reviewCards: ReviewCards,
  ) {}

  /**
   * Records graded answers and schedules their reviews in the caller's transaction, with one
   * statement for any number of answers. A question is answered once per exam or session
   * (a unique constraint refuses a second answer). Returns when each question now scheduled
   * for review is due.
   */
  async record(
    manager: EntityManager,
    learner: Learner,
    trackSlug: string,
    source: PrepAnswerSource,
    sessionId: string,
    answers: readonly GradedAnswer[],
    now: Date,
  ): Promise<Map<string, Date>> {
    if (answers.length === 0) return new Map();
    await manager.query(
      `INSERT INTO prep_answers (organization_id, user_id, track_slug, domain_slug, question_slug,
                                 source, session_id, correct, confidence, answered_at)
       SELECT $1, $2, $3, a.domain, a.question, $4, $5, a.correct, a.confidence, $6
         FROM unnest($7::text[], $8::text[], $9::boolean[], $10::text[])
              AS a(domain, question, correct, confidence)`,
      [
        learner.organizationId,
        learner.userId,
        trackSlug,
        source,
        sessionId,
        now,
        answers.map((answer) => answer.domain),
        answers.map((answer) => answer.questionSlug),
        answers.map((answer) => answer.correct),
        answers.map((answer) => answer.confidence),
      ],
    );
    return this.reviewCards.apply(manager, learner, trackSlug, answers, now);
  }

  /** The questions of the track the learner has answered at least once. */
  async seenQuestions(
    learner: Learner,
    trackSlug: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows = await manager.query<{ question_slug: string }[]>(
      `SELECT DISTINCT question_slug FROM prep_answers
        WHERE organization_id = $1 AND user_id = $2 AND track_slug = $3`,
      [learner.organizationId, learner.userId, trackSlug],
    );
    return rows.map((row) => row.question_slug);
  }

  /** Every answer of the track, oldest first. */
  async answers(learner: Learner, trackSlug: string): Promise<PastAnswer[]> {
    const rows = await this.dataSource.query<
      { domain_slug: string; question_slug: string; correct: boolean; answered_at: Date }[]
    >(
      `SELECT domain_slug, question_slug, correct, answered_at FROM prep_answers
        WHERE organization_id = $1 AND user_id = $2 AND track_slug = $3
        ORDER BY answered_at, id`,
      [learner.organizationId, learner.userId, trackSlug],
    );
    return rows.map((row) => ({
      domain: row.domain_slug,
      questionSlug: row.question_slug,
      correct: row.correct,
      answeredAt: row.answered_at,
    }));
  }
}
