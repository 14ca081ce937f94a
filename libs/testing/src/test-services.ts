import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

/** URLs of the services the e2e suite runs against, chosen once per run by the global setup. */
export interface TestServices {
  /** Server URL whose database part is replaced per test file. */
  postgresUrl: string;
  redisUrl: string;
  /** Database migrated once per run; each test file's database is cloned from it. */
  templateDatabase: string;
  /** Prefix of every database and Redis key this run creates, so teardown finds them all. */
  runId: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: TestServices;
  }
}

/** Fresh signing and encryption keys, as a deployment would set them. */
export function randomSecrets(): Record<
  'JWT_SIGNING_KEY' | 'DATA_ENCRYPTION_KEY' | 'CERTIFICATE_SIGNING_KEY',
  string
> {
  return {
    JWT_SIGNING_KEY: randomBytes(32).toString('base64'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CERTIFICATE_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
}

/** `postgresUrl` pointing at `database`. */
export function databaseUrl(postgresUrl: string, database: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Runs `sql` on the server's maintenance database (CREATE/DROP DATABASE cannot run elsewhere). */
export async function onMaintenanceDatabase<T>(
  postgresUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(postgresUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key matching the glob `pattern`. */
export async function deleteRedisKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
