import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillReportEntity } from '../entities/drill-report.entity.js';
import { RunReader } from '../running/run-reader.js';
import type { AfterActionReport } from './after-action-report.js';

/** After-action reports, for the run's participants and the organization's drill admins. */
@Injectable()
export class ReportReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RunReader) private readonly runs: RunReader,
  ) {}

  async report(actor: Actor, runId: string): Promise<AfterActionReport> {
    await this.runs.access(actor, runId);
    const stored = await this.dataSource
      .getRepository(DrillReportEntity)
      .findOneBy({ runId, organizationId: actor.organizationId });
    if (!stored) {
      throw new DomainError(
        DrillsErrors.REPORT_NOT_READY,
        'The report is written once the drill has ended and been scored.',
      );
    }
    return stored.report;
  }
}
