export { domainCounts, type Blueprint } from './blueprints/blueprint.js';
export { CertificationPrepErrors } from './certification-prep.errors.js';
export { CertificationPrepModule } from './certification-prep.module.js';
export { certificationPrepEntities } from './entities/index.js';
export { CertificationPrepGraphqlModule } from './graphql/certification-prep-graphql.module.js';
export { CertificationPrepJobsModule } from './jobs/certification-prep-jobs.module.js';
export { PracticeNudges } from './reviews/practice-nudges.js';
export { MockExamService } from './mock-exams/mock-exam.service.js';
