import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DrawnQuestion } from '../blueprints/question-draw.js';
import type { DomainResult } from '../mock-exams/exam-grading.js';

export const MockExamStatus = { IN_PROGRESS: 'in-progress', GRADED: 'graded' } as const;
export type MockExamStatus = (typeof MockExamStatus)[keyof typeof MockExamStatus];

/** Graded on the learner's submission, or at the deadline on the answers saved in time. */
export const MockExamGradedBy = { SUBMISSION: 'submission', DEADLINE: 'deadline' } as const;
export type MockExamGradedBy = (typeof MockExamGradedBy)[keyof typeof MockExamGradedBy];

/**
 * A timed mock exam held by the server: the questions (by exact version), their option order
 * and the deadline are fixed when it starts; answers are saved here and graded here once. One
 * open exam per person and track.
 */
@Entity({ name: 'mock_exams' })
@Index('uq_mock_exams_open_user_id_track_slug', ['userId', 'trackSlug'], {
  unique: true,
  where: `"status" = 'in-progress'`,
})
@Index('ix_mock_exams_organization_id_user_id_started_at', [
  'organizationId',
  'userId',
  'startedAt',
])
// The expiry sweep's scan: open exams by deadline.
@Index('ix_mock_exams_open_deadline_at', ['deadlineAt'], { where: `"status" = 'in-progress'` })
export class MockExamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  trackSlug!: string;

  /** The track version whose blueprint (passing score, domains) the exam follows. */
  @Column({ type: 'uuid' })
  trackVersionId!: string;

  @Column({ type: 'text' })
  status!: MockExamStatus;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ type: 'jsonb' })
  questions!: DrawnQuestion[];

  /** Chosen option ids by question slug (in order, for ordering questions). */
  @Column({ type: 'jsonb' })
  answers!: Record<string, string[]>;

  @Column({ type: 'timestamptz', nullable: true })
  gradedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  gradedBy!: MockExamGradedBy | null;

  /** Percent correct, rounded down. */
  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  correctness!: Record<string, boolean> | null;

  @Column({ type: 'jsonb', nullable: true })
  domainResults!: DomainResult[] | null;

  /** The client's key of the submission that graded it: a retry gets the same result. */
  @Column({ type: 'text', nullable: true })
  submissionKey!: string | null;
}
