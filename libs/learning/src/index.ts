export { AssignmentService, type AssignInput } from './assignments/assignment.service.js';
export { CertificateService, type CertificateStatus } from './certificates/certificate.service.js';
export { learningEntities } from './entities/index.js';
export { LearningGraphqlModule } from './graphql/learning-graphql.module.js';
export { LearningJobsModule } from './jobs/learning-jobs.module.js';
export { LearningModule } from './learning.module.js';
export { OPEN_ENROLLMENT } from './entities/enrollment.entity.js';
export { ENROLLMENT_ITEM_CONTENT } from './records/enrollment-summary.js';
