import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';
import type { AfterActionReport } from '../scoring/after-action-report.js';

/** The after-action report of a scored run, stored as written so it never changes later. */
@Entity({ name: 'drill_reports' })
export class DrillReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @OneToOne(() => DrillRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: DrillRunEntity;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'jsonb' })
  report!: AfterActionReport;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
