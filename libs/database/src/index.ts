export {
  buildDataSourceOptions,
  type DatabaseConfig,
  type SchemaParts,
} from './data-source-options.js';
export {
  DomainEvents,
  type DomainEventHandler,
  type DomainEventMap,
  type DomainEventType,
} from './domain-events.js';
export { DatabaseModule, type DatabaseModuleOptions } from './database.module.js';
export { ensureDatabaseExists } from './ensure-database.js';
export { pendingMigrations, runMigrationsLocked, schemaDrift } from './migrator.js';
export { PreparedQueries } from './prepared-queries.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
export { StatementCounter, StatementLogger } from './statement-logger.js';
