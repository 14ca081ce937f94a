import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity.js';

export const AttemptStatus = { IN_PROGRESS: 'in-progress', GRADED: 'graded' } as const;
export type AttemptStatus = (typeof AttemptStatus)[keyof typeof AttemptStatus];

/** A question as drawn for one attempt: which version, and the order its options were shown in. */
export interface DrawnQuestion {
  slug: string;
  versionId: string;
  type: 'single-choice' | 'multiple-choice' | 'true-false' | 'ordering';
  optionOrder: string[];
}

/**
 * How an attempt was graded: on its learner's submission, or at its deadline on the answers
 * saved in time (by the expiry job, or by a submission that came too late).
 */
export const GradedBy = { SUBMISSION: 'submission', DEADLINE: 'deadline' } as const;
export type GradedBy = (typeof GradedBy)[keyof typeof GradedBy];

/**
 * One attempt at a quiz, held by the server: the questions drawn and their option order are
 * fixed at the start, answers are saved here, and the grade is computed here once. The
 * partial unique index allows one open attempt per quiz and enrollment.
 */
@Entity({ name: 'quiz_attempts' })
@Unique('uq_quiz_attempts_enrollment_id_quiz_slug_number', ['enrollmentId', 'quizSlug', 'number'])
@Index('uq_quiz_attempts_open_enrollment_id_quiz_slug', ['enrollmentId', 'quizSlug'], {
  unique: true,
  where: `"status" = 'in-progress'`,
})
@Index('ix_quiz_attempts_open_deadline_at', ['deadlineAt'], {
  where: `"status" = 'in-progress' AND "deadline_at" IS NOT NULL`,
})
@Index('ix_quiz_attempts_user_id_started_at', ['userId', 'startedAt'])
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id' })
  enrollment?: EnrollmentEntity;

  @Column({ type: 'text' })
  quizSlug!: string;

  @Column({ type: 'uuid' })
  quizVersionId!: string;

  /** 1 for the first attempt of this quiz in this enrollment. */
  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  status!: AttemptStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ type: 'jsonb' })
  questions!: DrawnQuestion[];

  /** Chosen option ids by question slug (in order, for ordering questions). */
  @Column({ type: 'jsonb' })
  answers!: Record<string, string[]>;

  @Column({ type: 'timestamptz', nullable: true })
  gradedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  gradedBy!: GradedBy | null;

  /** Percent of questions answered correctly. */
  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  /** Whether each question was answered correctly, by slug. */
  @Column({ type: 'jsonb', nullable: true })
  correctness!: Record<string, boolean> | null;

  /** The client's key of the submission that graded it: a replay gets the same answer. */
  @Column({ type: 'text', nullable: true })
  submissionKey!: string | null;
}
