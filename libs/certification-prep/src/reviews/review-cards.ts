import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ReviewCardEntity } from '../entities/review-card.entity.js';
import { scheduleAfterAnswer, type Confidence } from './review-schedule.js';

export interface GradedAnswer {
  domain: string;
  questionSlug: string;
  correct: boolean;
  confidence: Confidence | null;
}

export interface Learner {
  organizationId: string;
  userId: string;
}

/**
 * The review cards of people's missed and unsure questions, scheduled by FSRS (what is due is
 * read through DueReviews).
 */
@Injectable()
export class ReviewCards {
  /**
   * Schedules the given answers inside the caller's transaction: a missed or unsure question
   * gets a card, and a question with a card is reviewed. Two answers to one question at once
   * (practice in two tabs) apply one after the other: a card is reviewed under its row lock,
   * and a new card is inserted only if no other transaction inserted it first. One that did
   * (the insert waits for it to commit) is then locked and reviewed like any card, so neither
   * answer is lost. Cards are locked and inserted in question order, so two transactions
   * scheduling several questions cannot deadlock on each other.
   */
  async apply(
    manager: EntityManager,
    learner: Learner,
    trackSlug: string,
    answers: readonly GradedAnswer[],
    now: Date,
  ): Promise<Map<string, Date>> {
    const due = new Map<string, Date>();
    let unapplied = [...answers].sort((a, b) => a.questionSlug.localeCompare(b.questionSlug));
    // A second pass takes only the cards others created meanwhile, which it finds and reviews.
    while (unapplied.length > 0) {
      unapplied = await this.applyOnce(manager, learner, trackSlug, unapplied, now, due);
    }
    return due;
  }

  /**
   * Reviews the locked cards and inserts the new ones, noting when each is due; returns the
   * answers whose new card another transaction inserted first.
   */
  private async applyOnce(
    manager: EntityManager,
    learner: Learner,
    trackSlug: string,
    answers: readonly GradedAnswer[],
    now: Date,
    due: Map<string, Date>,
  ): Promise<GradedAnswer[]> {
    const existing = await manager.getRepository(ReviewCardEntity).find({
      where: {
        organizationId: learner.organizationId,
        userId: learner.userId,
        trackSlug,
        questionSlug: In(answers.map((answer) => answer.questionSlug)),
      },
      order: { questionSlug: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const cards = new Map(existing.map((card) => [card.questionSlug, card]));
    const reviewed: ReviewCardEntity[] = [];
    const created: ReviewCardEntity[] = [];
    for (const answer of answers) {
      const card = cards.get(answer.questionSlug) ?? null;
      const next = scheduleAfterAnswer(card, answer.correct, answer.confidence, now);
      if (!next) continue;
      (card ? reviewed : created).push(
        manager.create(ReviewCardEntity, {
          organizationId: learner.organizationId,
          userId: learner.userId,
          trackSlug,
          domainSlug: answer.domain,
          questionSlug: answer.questionSlug,
          ...next,
        }),
      );
    }
    await this.saveReviewed(manager, reviewed);
    const inserted = await this.insertNew(manager, created);
    for (const card of reviewed) due.set(card.questionSlug, card.due);
    const lost = new Set<string>();
    for (const card of created) {
      if (inserted.has(card.questionSlug)) due.set(card.questionSlug, card.due);
      else lost.add(card.questionSlug);
    }
    return answers.filter((answer) => lost.has(answer.questionSlug));
  }

  /** Saves reviewed cards the caller has locked, in one statement for any number of them. */
  private async saveReviewed(manager: EntityManager, cards: ReviewCardEntity[]): Promise<void> {
    if (cards.length === 0) return;
    // The rows exist and are locked: the conflict always updates.
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewCardEntity)
      .values(cards)
      .orUpdate(
        [
          'due',
          'stability',
          'difficulty',
          'scheduled_days',
          'reps',
          'lapses',
          'state',
          'last_review',
        ],
        ['user_id', 'track_slug', 'question_slug'],
      )
      .execute();
  }

  /** Inserts new cards unless another transaction did first; returns the questions inserted. */
  private async insertNew(manager: EntityManager, cards: ReviewCardEntity[]): Promise<Set<string>> {
    if (cards.length === 0) return new Set();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewCardEntity)
      .values(cards)
      .orIgnore()
      .returning('question_slug')
      .execute();
    return new Set((result.raw as { question_slug: string }[]).map((row) => row.question_slug));
  }
}
