import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EnrollmentEntity } from './enrollment.entity.js';

/** One lesson of one enrollment: when it was opened and completed and the time spent on it. */
@Entity({ name: 'lesson_progress' })
@Unique('uq_lesson_progress_enrollment_id_lesson_slug', ['enrollmentId', 'lessonSlug'])
export class LessonProgressEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id' })
  enrollment?: EnrollmentEntity;

  @Column({ type: 'text' })
  lessonSlug!: string;

  /** The lesson version completed. */
  @Column({ type: 'int' })
  lessonVersion!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastOpenedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Measured by the server between opening and completing, capped per visit. */
  @Column({ type: 'int', default: 0 })
  secondsSpent!: number;
}
