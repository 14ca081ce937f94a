import { Inject, Injectable } from '@nestjs/common';
import { currentQuestionOf } from '@academy/catalog';
import { decodeCursor, toConnection, type Connection } from '@academy/common';
import type { PracticeReviews } from '@academy/notifications';
import { DataSource } from 'typeorm';
import { bankParentsOf } from '../blueprints/blueprint.js';
import { PrepCatalog } from '../blueprints/prep-catalog.js';
import { ReviewCardEntity } from '../entities/review-card.entity.js';
import type { Learner } from './review-cards.js';

/**
 * What is due for review now: the review queue and its count, the questions of a review
 * session, and who gets a practice nudge (when it is planned and again when it is sent). A card
 * counts only while its question is in its track's bank: one retired from the catalog, or no
 * longer in the blueprint's bank domains, is due for nothing.
 *
 * Filtered as it is read rather than retired with the question, because the catalog decides
 * what a bank holds and changes its mind: an import retires a question and a later one may
 * restore it (catalog items are retired, never deleted), and a blueprint may change its bank or
 * domains. Read against the catalog as it stands, cards follow every such change with no hook
 * in the importers (the CLI's included) and no backfill of cards already made, and a restored
 * question comes back with its schedule. The price is a look-up of each due card's question in
 * the catalog, in the same statement (see currentQuestionOf).
 */
@Injectable()
export class DueReviews implements PracticeReviews {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrepCatalog) private readonly catalog: PrepCatalog,
  ) {}

  /**
   * The daily review queue of a prep track as a Relay connection: cards due now, soonest first
   * (keyset on due, id).
   */
  async queue(
    learner: Learner,
    trackSlug: string,
    now: Date,
    first: number,
    after?: string | null,
  ): Promise<Connection<ReviewCardEntity>> {
    // A track that is not (or no longer) in the catalog is refused, as by every prep query.
    const track = await this.catalog.track(learner.organizationId, trackSlug);
    const parents = bankParentsOf(track.blueprint);
    const base = () =>
      this.dueInBank(learner.organizationId, [learner.userId], trackSlug, now, parents);
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

  /**
   * Up to `limit` cards due now of the track's bank questions (under `parents`, its blueprint's
   * domains), soonest first: a review session.
   */
  cards(
    learner: Learner,
    trackSlug: string,
    now: Date,
    parents: readonly string[],
    limit: number,
  ): Promise<ReviewCardEntity[]> {
    return this.dueInBank(learner.organizationId, [learner.userId], trackSlug, now, parents)
      .orderBy('c.due')
      .addOrderBy('c.id')
      .limit(limit)
      .getMany();
  }

  /** The people of the organization (of `userIds` only, when given) with a review due now. */
  async learners(
    organizationId: string,
    now: Date,
    userIds: readonly string[] | null = null,
  ): Promise<string[]> {
    // The tracks to look at; what is due in each is then read against its bank.
    const tracks = await this.due(organizationId, userIds, now)
      .select('DISTINCT c.track_slug', 'track_slug')
      .getRawMany<{ track_slug: string }>();
    const learners = new Set<string>();
    for (const { track_slug: trackSlug } of tracks) {
      const parents = await this.catalog.bankParents(organizationId, trackSlug);
      const rows = await this.dueInBank(organizationId, userIds, trackSlug, now, parents)
        .select('DISTINCT c.user_id', 'user_id')
        .getRawMany<{ user_id: string }>();
      for (const row of rows) learners.add(row.user_id);
    }
    return [...learners];
  }

  /** Whether the person has a review due now: a practice nudge's check when it is sent. */
  async anyDue(organizationId: string, userId: string, now: Date): Promise<boolean> {
    return (await this.learners(organizationId, now, [userId])).length > 0;
  }

  /** Cards of the organization due now, of `userIds` (everyone when null), in any track. */
  private due(organizationId: string, userIds: readonly string[] | null, now: Date) {
    const query = this.dataSource
      .getRepository(ReviewCardEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId AND c.due <= :now', { organizationId, now });
    return userIds ? query.andWhere('c.user_id = ANY(:userIds::uuid[])', { userIds }) : query;
  }

  /**
   * As `due`, in one track, of the current questions of its bank (under `parents`) only: what
   * counts as due. Checked against the catalog in the same statement.
   */
  private dueInBank(
    organizationId: string,
    userIds: readonly string[] | null,
    trackSlug: string,
    now: Date,
    parents: readonly string[],
  ) {
    return this.due(organizationId, userIds, now)
      .andWhere('c.track_slug = :trackSlug', { trackSlug })
      .andWhere(currentQuestionOf('c.question_slug', ':organizationId', ':parents::text[]'), {
        parents,
      });
  }
}
