export { APP_CONFIG, ConfigModule } from './config/config.module.js';
export { configSchema, type AppConfig } from './config/config.schema.js';
export { ensureLocalSecrets } from './config/env-file.js';
export {
  ConfigError,
  loadConfig,
  loadConfigOrExit,
  readEnvironment,
} from './config/load-config.js';
export { createLogger, REDACTED_PATHS } from './logging/create-logger.js';
export { LOGGER, LoggingModule } from './logging/logging.module.js';
export { PinoNestLogger } from './logging/pino-nest-logger.js';
export {
  CommonErrors,
  DomainError,
  ErrorCategory,
  defineErrorCodes,
  type ErrorCode,
} from './errors/domain-error.js';
export { PROJECT_ROOT, PROJECT_VERSION } from './project-root.js';
export { withTimeout } from './with-timeout.js';
export { exitGracefullyOnSignal } from './graceful-shutdown.js';
export { SecretBox } from './crypto/secret-box.js';
export { digestsEqual, hashToken, randomToken } from './crypto/tokens.js';
export {
  ConnectionType,
  MAX_PAGE_SIZE,
  mapConnection,
  PageArgs,
  PageInfo,
  type Connection,
  type Edge,
} from './pagination/connection.js';
export {
  PaginationErrors,
  decodeCursor,
  encodeCursor,
  toConnection,
  type KeysetPosition,
} from './pagination/keyset.js';
export { PerRequest } from './per-request.js';
export { canonicalJson, containsPattern } from './canonical-json.js';
export { GraphQLJSONObject } from './graphql/json.scalar.js';
export { IdArg } from './graphql/id-arg.js';
export { isUuid } from './uuid.js';
export { Clock, ClockModule, SystemClock } from './clock/clock.js';
