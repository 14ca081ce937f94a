import type { AppConfig } from '@academy/common';
import {
  buildDataSourceOptions,
  ensureDatabaseExists,
  runMigrationsLocked,
} from '@academy/database';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { platformSchema } from './platform-schema.js';

/**
 * Creates the database when it is missing and applies pending migrations under the migration
 * lock. The API runs it at start-up (unless MIGRATE_ON_START=false); the CLI's `migrate` runs it
 * on demand.
 */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<void> {
  if (await ensureDatabaseExists(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS)) {
    logger.info('created the database named in DATABASE_URL');
  }
  const dataSource = await openPlatformDataSource(config, 'academy-migrator');
  try {
    const applied = await runMigrationsLocked(dataSource);
    for (const migration of applied)
      logger.info({ migration: migration.name }, 'applied migration');
  } finally {
    await dataSource.destroy();
  }
}

/** An initialized DataSource over the platform schema, for code that runs outside Nest. */
export function openPlatformDataSource(
  config: AppConfig,
  applicationName: string,
): Promise<DataSource> {
  return new DataSource(
    buildDataSourceOptions(config, platformSchema, applicationName),
  ).initialize();
}
