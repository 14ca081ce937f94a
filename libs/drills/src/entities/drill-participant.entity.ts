import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';

/** A person taking part in a run, in one of the scenario's roles. */
@Entity({ name: 'drill_participants' })
@Index('uq_drill_participants_run_id_user_id', ['runId', 'userId'], { unique: true })
@Index('ix_drill_participants_organization_id_user_id', ['organizationId', 'userId'])
export class DrillParticipantEntity {
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

  /** The scenario role's slug, e.g. `incident-commander`. */
  @Column({ type: 'text' })
  roleSlug!: string;

  /** Points earned over points possible, 0-100, once the run is scored. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  scorePercent!: string | null;
}
