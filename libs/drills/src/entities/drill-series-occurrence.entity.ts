import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';
import { DrillSeriesEntity } from './drill-series.entity.js';

/**
 * One occurrence of a series, created once: the unique index on (series, time) is what makes
 * a second worker, a replayed message or a restart unable to create it twice.
 */
@Entity({ name: 'drill_series_occurrences' })
@Index('uq_drill_series_occurrences_series_id_occurs_at', ['seriesId', 'occursAt'], {
  unique: true,
})
export class DrillSeriesOccurrenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  seriesId!: string;

  @ManyToOne(() => DrillSeriesEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'series_id' })
  series?: DrillSeriesEntity;

  @Column({ type: 'timestamptz' })
  occursAt!: Date;

  /** The run that plays it; null when nobody of the team was active any more. */
  @Column({ type: 'uuid', nullable: true })
  runId!: string | null;

  @ManyToOne(() => DrillRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: DrillRunEntity;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
