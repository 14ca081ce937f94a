import { createLogger } from '@academy/common';
import { pendingMigrations, schemaDrift } from '@academy/database';
import { openPlatformDataSource, prepareDatabase } from '@academy/platform';
import { databaseUrl, onMaintenanceDatabase, testConfig } from '@academy/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';

const services = inject('services');
const logger = createLogger({ LOG_LEVEL: 'silent' }, 'test');

describe('migrations', () => {
  // A database that does not exist yet: prepareDatabase must create it.
  const database = `academy_${services.runId}_fresh_${process.pid}`;
  const config = testConfig({ DATABASE_URL: databaseUrl(services.postgresUrl, database) });

  afterAll(async () => {
    await onMaintenanceDatabase(services.postgresUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    );
  });

  it('creates a missing database and migrates it to head, with two replicas racing', async () => {
    await Promise.all([prepareDatabase(config, logger), prepareDatabase(config, logger)]);
    const dataSource = await openPlatformDataSource(config, 'test');
    try {
      expect(await pendingMigrations(dataSource)).toEqual([]);
      const applied = await dataSource.query<{ name: string }[]>(
        'SELECT name FROM schema_migrations',
      );
      expect(applied.map((row) => row.name)).toEqual(
        dataSource.migrations.map((migration) => migration.name),
      );
    } finally {
      await dataSource.destroy();
    }
  });

  it('leaves no drift between the entities and the migrated schema', async () => {
    const dataSource = await openPlatformDataSource(config, 'test');
    try {
      expect(await schemaDrift(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('reverts every migration back to an empty schema', async () => {
    const dataSource = await openPlatformDataSource(config, 'test');
    try {
      for (let left = dataSource.migrations.length; left > 0; left -= 1) {
        await dataSource.undoLastMigration();
      }
      const tables = await dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      expect(tables).toEqual([]);
      expect(await pendingMigrations(dataSource)).toHaveLength(dataSource.migrations.length);
    } finally {
      await dataSource.destroy();
    }
  });
});
