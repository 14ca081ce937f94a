import { DrillInjectReleaseEntity } from './drill-inject-release.entity.js';
import { DrillParticipantEntity } from './drill-participant.entity.js';
import { DrillRemedialAssignmentEntity } from './drill-remedial-assignment.entity.js';
import { DrillReportEntity } from './drill-report.entity.js';
import { DrillResponseEntity } from './drill-response.entity.js';
import { DrillRunEventEntity } from './drill-run-event.entity.js';
import { DrillRunEntity } from './drill-run.entity.js';
import { DrillSeriesOccurrenceEntity } from './drill-series-occurrence.entity.js';
import { DrillSeriesEntity } from './drill-series.entity.js';

export const drillsEntities = [
  DrillRunEntity,
  DrillParticipantEntity,
  DrillInjectReleaseEntity,
  DrillResponseEntity,
  DrillRunEventEntity,
  DrillReportEntity,
  DrillRemedialAssignmentEntity,
  DrillSeriesEntity,
  DrillSeriesOccurrenceEntity,
];
