import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, toConnection, type Connection } from '@academy/common';
import { DataSource, In, type EntityManager } from 'typeorm';
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

/** The review cards of people's missed and unsure questions, scheduled by FSRS. */
@Injectable()
export class ReviewCards {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Schedules the given answers inside the caller's transaction: a missed or unsure question
   * gets a card, and a question with a card is reviewed (the cards are locked, so two answers at
   * once are applied one after the other).
   */
  async apply(
    manager: EntityManager,
    learner: Learner,
    trackSlug: string,
    answers: readonly GradedAnswer[],
    now: Date,
  ): Promise<Map<string, Date>> {
    const existing = await manager.getRepository(ReviewCardEntity).find({
      where: {
        organizationId: learner.organizationId,
        userId: learner.userId,
        trackSlug,
        questionSlug: In(answers.map((answer) => answer.questionSlug)),
      },
      lock: { mode: 'pessimistic_write' },
    });
    const cards = new Map(existing.map((card) => [card.questionSlug, card]));
    const changed: ReviewCardEntity[] = [];
    for (const answer of answers) {
      const card = cards.get(answer.questionSlug) ?? null;
      const next = scheduleAfterAnswer(card, answer.correct, answer.confidence, now);
      if (!next) continue;
      changed.push(
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
    if (changed.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ReviewCardEntity)
        .values(changed)
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
    return new Map(changed.map((card) => [card.questionSlug, card.due]));
  }

  /** Cards due now, soonest first: what a review session practises. */
  due(learner: Learner, trackSlug: string, now: Date, limit: number): Promise<ReviewCardEntity[]> {
    return this.dataSource
      .getRepository(ReviewCardEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :org AND c.user_id = :user AND c.track_slug = :track', {
        org: learner.organizationId,
        user: learner.userId,
        track: trackSlug,
      })
      .andWhere('c.due <= :now', { now })
      .orderBy('c.due')
      .addOrderBy('c.id')
      .limit(limit)
      .getMany();
  }

  /** The daily review queue as a Relay connection: cards due now, soonest first (keyset on due, id). */
  async queue(
    learner: Learner,
    trackSlug: string,
    now: Date,
    first: number,
    after?: string | null,
  ): Promise<Connection<ReviewCardEntity>> {
    const base = () =>
      this.dataSource
        .getRepository(ReviewCardEntity)
        .createQueryBuilder('c')
        .where('c.organization_id = :org AND c.user_id = :user AND c.track_slug = :track', {
          org: learner.organizationId,
          user: learner.userId,
          track: trackSlug,
        })
        .andWhere('c.due <= :now', { now });
    const page = base();
    if (after) {
      const position = decodeCursor(after, 'time');
      page.andWhere('(c.due, c.id) > (:due::timestamptz, :id::uuid)', {
        due: position.sort,
        id: position.id,
      });
    }
    const [rows, total] = await Promise.all([
      page
        .orderBy('c.due')
        .addOrderBy('c.id')
        .limit(first + 1)
        .getMany(),
      base().getCount(),
    ]);
    return toConnection(rows, first, after, total, (card) => ({
      sort: card.due.toISOString(),
      id: card.id,
    }));
  }
}
