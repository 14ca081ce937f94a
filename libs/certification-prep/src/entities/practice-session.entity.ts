import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DrawnQuestion } from '../blueprints/question-draw.js';

export const PracticeMode = {
  /** Weak domains and questions near the learner's level. */
  ADAPTIVE: 'adaptive',
  /** The review cards due today. */
  REVIEW: 'review',
} as const;
export type PracticeMode = (typeof PracticeMode)[keyof typeof PracticeMode];

/**
 * A short practice session: its questions are fixed when it starts; each is answered once and
 * answered at once with feedback (the answer key and explanations of that question only).
 */
@Entity({ name: 'practice_sessions' })
@Index('ix_practice_sessions_organization_id_user_id_created_at', [
  'organizationId',
  'userId',
  'createdAt',
])
export class PracticeSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  trackSlug!: string;

  @Column({ type: 'text' })
  mode!: PracticeMode;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'jsonb' })
  questions!: DrawnQuestion[];
}
