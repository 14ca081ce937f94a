import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';

export const DrillRunEventKind = {
  OPENED: 'opened',
  PAUSED: 'paused',
  RESUMED: 'resumed',
  SKIPPED_AHEAD: 'skipped-ahead',
  ENDED: 'ended',
  SCORED: 'scored',
  SKIPPED: 'skipped',
} as const;
export type DrillRunEventKind = (typeof DrillRunEventKind)[keyof typeof DrillRunEventKind];

/** What happened to a run and when, for its timeline (injects and responses have their own rows). */
@Entity({ name: 'drill_run_events' })
@Index('ix_drill_run_events_run_id_occurred_at', ['runId', 'occurredAt'])
export class DrillRunEventEntity {
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
  kind!: DrillRunEventKind;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The inject skipped ahead to. */
  @Column({ type: 'text', nullable: true })
  injectSlug!: string | null;

  /** The person who acted; null when the worker did it on schedule. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;
}
