import { Module } from '@nestjs/common';
import { CatalogModule } from '@academy/catalog';
import { IdentityModule } from '@academy/identity';
import { LearningModule } from '@academy/learning';
import { OutboxModule } from '@academy/outbox';
import { InjectAnnouncer } from './live/inject-announcer.js';
import { RunChannel } from './live/run-channel.js';
import { ParticipantNotices } from './notices/participant-notices.js';
import { RemedialAssigner } from './remedial/remedial-assigner.js';
import { DecisionService } from './running/decision.service.js';
import { InjectReleaser } from './running/inject-releaser.js';
import { RunControl } from './running/run-control.service.js';
import { RunLedger } from './running/run-ledger.js';
import { RunProgressReader } from './running/run-progress.js';
import { RunReader } from './running/run-reader.js';
import { RunTimeline } from './running/run-timeline.js';
import { SelfPacedDrills } from './running/self-paced.service.js';
import { DrillScenarios } from './scenario/drill-scenarios.js';
import { DrillScheduler } from './scheduling/drill-scheduler.service.js';
import { RunWriter } from './scheduling/run-writer.js';
import { SeriesOccurrences } from './scheduling/series-occurrences.js';
import { ReportReader } from './scoring/report-reader.js';
import { RunScorer } from './scoring/run-scorer.js';
import { ParticipationStats } from './stats/participation-stats.js';

const services = [
  DrillScenarios,
  DrillScheduler,
  RunWriter,
  SeriesOccurrences,
  RunLedger,
  RunProgressReader,
  RunTimeline,
  RunControl,
  RunReader,
  RunChannel,
  InjectAnnouncer,
  InjectReleaser,
  DecisionService,
  RunScorer,
  RemedialAssigner,
  ReportReader,
  SelfPacedDrills,
  ParticipationStats,
  ParticipantNotices,
];

/**
 * Incident-response drills: scheduling runs of the catalog's scenarios, their timelines,
 * decisions, scoring, after-action reports and remedial learning.
 */
@Module({
  imports: [IdentityModule, CatalogModule, LearningModule, OutboxModule],
  providers: services,
  exports: services,
})
export class DrillsModule {}
