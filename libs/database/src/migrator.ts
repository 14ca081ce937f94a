import type { DataSource, Migration } from 'typeorm';

/**
 * A fixed key for `pg_advisory_lock`: every process that migrates this database takes the same
 * lock, so replicas starting together apply each migration once, one after another.
 */
const MIGRATION_LOCK_KEY = 7_240_118_529;

/** Applies pending migrations while holding the migration advisory lock. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Names of migrations known to the code but not yet applied to the database. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource
    .query<{ name: string }[]>('SELECT name FROM schema_migrations')
    .catch((error: unknown) => {
      // No migrations table yet: nothing has been applied.
      if ((error as { code?: string }).code === '42P01') return [];
      throw error;
    });
  const appliedNames = new Set(applied.map((row) => row.name));
  return dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !appliedNames.has(name));
}

/** SQL statements that would bring the database in line with the entities (empty: no drift). */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
