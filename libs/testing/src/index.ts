export { spawnBuilt, waitFor, type RunningProcess } from './child-process.js';
export {
  startTestApi,
  startTestWorker,
  testConfig,
  type ConfigOverrides,
  type GraphqlResponse,
  type TestApi,
} from './test-apps.js';
export {
  databaseUrl,
  deleteRedisKeys,
  onMaintenanceDatabase,
  postgresAnswers,
  randomSecrets,
  redisAnswers,
  type TestServices,
} from './test-services.js';
export {
  acceptInvitation,
  invitePerson,
  seedOrganization,
  signIn,
  strongPassword,
  tokenFromOutbox,
  type SeededOrganization,
  type SignedInPerson,
} from './identity-fixtures.js';
export {
  CURRICULUM_FIXTURE,
  fixtureLessonBody,
  fixtureQuestion,
  writeCurriculumFixture,
} from './curriculum-fixture.js';
export {
  CANARY,
  FIXTURE_ANSWERS,
  LEARNING_FIXTURE,
  finishPolicyCourse,
  importLearningFixture,
} from './learning-fixtures.js';
export {
  ManualClock,
  startSmtpSink,
  type ReceivedEmail,
  type SmtpSink,
} from './notification-fixtures.js';
export {
  inboxListeners,
  notifyWhenListening,
  subscribeLive,
  type LiveMessage,
  type LiveSubscription,
} from './live-subscriptions.js';
export { DRILL_CANARY, DRILL_FIXTURE, drillRunListeners } from './drill-fixtures.js';
export {
  PREP_CANARY,
  PREP_FIXTURE,
  importCertificationPrepFixture,
  rightPrepOption,
} from './certification-prep-fixtures.js';
