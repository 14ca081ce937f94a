import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';

/**
 * Remedial learning a participant got for a poor choice: the lesson the scenario names and the
 * course assignment (learning assigns courses) that teaches it. One per run, person and lesson.
 */
@Entity({ name: 'drill_remedial_assignments' })
@Index(
  'uq_drill_remedial_assignments_run_id_user_id_lesson_slug',
  ['runId', 'userId', 'lessonSlug'],
  {
    unique: true,
  },
)
export class DrillRemedialAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => DrillRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: DrillRunEntity;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  lessonSlug!: string;

  @Column({ type: 'text' })
  courseSlug!: string;

  /** The learning assignment that carries it. */
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @Column({ type: 'timestamptz' })
  assignedAt!: Date;
}
