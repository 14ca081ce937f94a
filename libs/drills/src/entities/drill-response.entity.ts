import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';

/**
 * An answer to a decision point. `respondentKey` is the role's slug when the scenario wants one
 * answer per role, or the person's id when it wants one per participant: the unique index
 * admits exactly one answer per respondent.
 */
@Entity({ name: 'drill_responses' })
@Index(
  'uq_drill_responses_run_id_inject_slug_respondent_key',
  ['runId', 'injectSlug', 'respondentKey'],
  {
    unique: true,
  },
)
export class DrillResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => DrillRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: DrillRunEntity;

  @Column({ type: 'text' })
  injectSlug!: string;

  @Column({ type: 'text' })
  respondentKey!: string;

  /** Who answered. */
  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  roleSlug!: string;

  @Column({ type: 'text' })
  optionId!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  /** Submitted after the response window closed: scored by the scenario's late rule. */
  @Column({ type: 'boolean' })
  late!: boolean;
}
