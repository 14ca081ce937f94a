import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { State } from 'ts-fsrs';

/**
 * A question a learner missed or was unsure of, scheduled for review with FSRS (one card per
 * person, track and question). `due` orders the daily review queue.
 */
@Entity({ name: 'review_cards' })
@Unique('uq_review_cards_user_id_track_slug_question_slug', ['userId', 'trackSlug', 'questionSlug'])
@Index('ix_review_cards_organization_id_user_id_track_slug_due', [
  'organizationId',
  'userId',
  'trackSlug',
  'due',
])
// The hourly nudge planner's scan: cards due now, across everyone.
@Index('ix_review_cards_due', ['due'])
export class ReviewCardEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  trackSlug!: string;

  @Column({ type: 'text' })
  domainSlug!: string;

  @Column({ type: 'text' })
  questionSlug!: string;

  @Column({ type: 'timestamptz' })
  due!: Date;

  @Column({ type: 'double precision' })
  stability!: number;

  @Column({ type: 'double precision' })
  difficulty!: number;

  @Column({ type: 'int' })
  scheduledDays!: number;

  @Column({ type: 'int' })
  reps!: number;

  @Column({ type: 'int' })
  lapses!: number;

  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  @Column({ type: 'smallint' })
  state!: State;

  @Column({ type: 'timestamptz', nullable: true })
  lastReview!: Date | null;
}
