import type { AppConfig } from '@academy/common';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { Logger } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Statements slower than this are logged (by SQL text) as warnings. */
const SLOW_STATEMENT_MS = 1000;

export type DatabaseConfig = Pick<
  AppConfig,
  | 'DATABASE_URL'
  | 'DATABASE_POOL_MAX'
  | 'DATABASE_CONNECT_TIMEOUT_MS'
  | 'DATABASE_STATEMENT_TIMEOUT_MS'
  | 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'
>;

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- TypeORM's own types for classes */
export interface SchemaParts {
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
}
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

/**
 * The options of every DataSource the platform opens. Migrations are never run implicitly and
 * the schema is never synchronized: both happen only through the migrator. The pool gives up
 * on a connection after a timeout and the server ends statements and abandoned transactions
 * that run too long, so a stuck database surfaces as an error rather than a hang.
 */
export function buildDataSourceOptions(
  config: DatabaseConfig,
  schema: SchemaParts,
  applicationName: string,
  logger?: Logger,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    applicationName,
    logger,
    maxQueryExecutionTime: SLOW_STATEMENT_MS,
    poolSize: config.DATABASE_POOL_MAX,
    connectTimeoutMS: config.DATABASE_CONNECT_TIMEOUT_MS,
    extra: {
      statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    },
  };
}
