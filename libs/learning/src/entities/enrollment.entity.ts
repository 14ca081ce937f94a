import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssignmentEntity, type LearningItemKind } from './assignment.entity.js';

/**
 * Stored states of an enrollment. "Overdue" is not stored: it is an open enrollment past its
 * due date, derived when read, so it can never disagree with the clock.
 */
export const EnrollmentStatus = {
  NOT_STARTED: 'not-started',
  IN_PROGRESS: 'in-progress',
  COMPLETED: 'completed',
  WITHDRAWN: 'withdrawn',
} as const;
export type EnrollmentStatus = (typeof EnrollmentStatus)[keyof typeof EnrollmentStatus];

/** SQL for "still to do", matching the partial unique index below. */
export const OPEN_ENROLLMENT = `status IN ('not-started', 'in-progress')`;

/** "Still to do", in code: the same states as OPEN_ENROLLMENT. */
export function isOpenEnrollment(status: EnrollmentStatus): boolean {
  return status === EnrollmentStatus.NOT_STARTED || status === EnrollmentStatus.IN_PROGRESS;
}

/**
 * One person's cycle of one course or track. At most one open cycle per person and item (the
 * unique index makes assigning twice a no-op); completed and withdrawn cycles stay as history.
 * Without an assignment it is optional learning the person chose.
 */
@Entity({ name: 'enrollments' })
@Index('uq_enrollments_open_user_id_item', ['userId', 'itemKind', 'itemSlug'], {
  unique: true,
  where: `"status" IN ('not-started', 'in-progress')`,
})
@Index('ix_enrollments_organization_id_user_id', ['organizationId', 'userId'])
@Index('ix_enrollments_assignment_id', ['assignmentId'])
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  itemKind!: LearningItemKind;

  @Column({ type: 'text' })
  itemSlug!: string;

  @Column({ type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Column({ type: 'int', default: 1 })
  cycle!: number;

  @Column({ type: 'text' })
  status!: EnrollmentStatus;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enrolledAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  /** unassigned, deactivated */
  @Column({ type: 'text', nullable: true })
  withdrawnReason!: string | null;

  /** The lesson to go back to. */
  @Column({ type: 'text', nullable: true })
  resumeLessonSlug!: string | null;
}
