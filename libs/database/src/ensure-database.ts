import pg from 'pg';

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates the database named in `databaseUrl` when it does not exist yet, connecting to the
 * server's `postgres` maintenance database to do so. Returns whether it created it.
 */
export async function ensureDatabaseExists(
  databaseUrl: string,
  connectTimeoutMs: number,
): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: connectTimeoutMs,
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // Another replica created it between our check and our CREATE: that is success. PostgreSQL
      // reports it as duplicate_database, or as a unique violation when both CREATEs overlap.
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
      return false;
    }
    return true;
  } finally {
    await client.end();
  }
}
