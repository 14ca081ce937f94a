export { DrillsModule } from './drills.module.js';
export { DrillsErrors } from './drills.errors.js';
export { drillsEntities } from './entities/index.js';
export { DrillRunStatus, OPEN_RUN_STATUSES } from './entities/drill-run.entity.js';
export { DrillsGraphqlModule } from './graphql/drills-graphql.module.js';
export { DrillsJobsModule } from './jobs/drills-jobs.module.js';
export { ParticipantNotices, type ParticipantNotice } from './notices/participant-notices.js';
