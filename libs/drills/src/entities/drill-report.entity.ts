import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AfterActionReport } from '../scoring/after-action-report.js';

/** The after-action report of a scored run, stored as written so it never changes later. */
@Entity({ name: 'drill_reports' })
export class DrillReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'jsonb' })
  report!: AfterActionReport;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
