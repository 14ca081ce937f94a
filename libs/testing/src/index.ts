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
  redisAnswers,
  type TestServices,
} from './test-services.js';
