import { Module } from '@nestjs/common';
import { DrillsModule } from '../drills.module.js';
import {
  InjectReleaseHandler,
  RunEndHandler,
  RunOpenHandler,
  RunScoreHandler,
  SeriesOccurrenceHandler,
} from './drill-run.handlers.js';

/** The outbox handlers that carry drill runs forward; only apps/worker imports it. */
@Module({
  imports: [DrillsModule],
  providers: [
    SeriesOccurrenceHandler,
    RunOpenHandler,
    InjectReleaseHandler,
    RunEndHandler,
    RunScoreHandler,
  ],
})
export class DrillsJobsModule {}
