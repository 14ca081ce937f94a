import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Confidence } from '../reviews/review-schedule.js';

export type PrepAnswerSource = 'mock-exam' | 'practice';

/**
 * One graded answer to a bank question, from a mock exam or practice: the history readiness
 * is estimated from and draws prefer unseen questions by. A practice question is answered once
 * per session (the unique constraint makes a retried request change nothing).
 */
@Entity({ name: 'prep_answers' })
@Index('ix_prep_answers_organization_id_user_id_track_slug_answered_at', [
  'organizationId',
  'userId',
  'trackSlug',
  'answeredAt',
])
@Unique('uq_prep_answers_session_id_question_slug', ['sessionId', 'questionSlug'])
export class PrepAnswerEntity {
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

  @Column({ type: 'text' })
  source!: PrepAnswerSource;

  /** The mock exam or practice session it was given in. */
  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'boolean' })
  correct!: boolean;

  @Column({ type: 'text', nullable: true })
  confidence!: Confidence | null;

  @Column({ type: 'timestamptz' })
  answeredAt!: Date;
}
