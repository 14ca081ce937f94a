import {
  ConfigError,
  loadConfig,
  readEnvironment,
  withTimeout,
  type AppConfig,
} from '@academy/common';
import { pendingMigrations } from '@academy/database';
import { openPlatformDataSource } from '@academy/platform';
import { redisConnectionOptions } from '@academy/queue';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

interface Finding {
  ok: boolean;
  what: string;
  fix?: string;
}

const TIMEOUT_MS = 5000;

async function checkRedis(config: AppConfig): Promise<Finding> {
  const redis = new Redis({
    ...redisConnectionOptions(config.REDIS_URL),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await withTimeout(
      redis.connect().then(() => redis.ping()),
      TIMEOUT_MS,
      'timed out',
    );
    return { ok: true, what: 'Redis answers' };
  } catch (error) {
    return {
      ok: false,
      what: `Redis does not answer (${(error as Error).message})`,
      fix: 'start Redis (redis-server --daemonize yes) or point REDIS_URL at a running server',
    };
  } finally {
    redis.disconnect();
  }
}

async function checkDatabaseState(dataSource: DataSource, config: AppConfig): Promise<Finding[]> {
  const pending = await pendingMigrations(dataSource);
  const [beat] = await dataSource
    .query<{ age_s: number | null }[]>(
      'SELECT extract(epoch FROM now() - max(beat_at))::int AS age_s FROM worker_heartbeats',
    )
    .catch(() => [{ age_s: null }]);
  const heartbeatLimitS = (config.WORKER_HEARTBEAT_INTERVAL_MS * 3) / 1000;
  const workerAlive = beat?.age_s != null && beat.age_s <= heartbeatLimitS;
  return [
    pending.length === 0
      ? { ok: true, what: 'all migrations applied' }
      : {
          ok: false,
          what: `${pending.length} pending migration(s): ${pending.join(', ')}`,
          fix: 'run npm run cli -- migrate (the API also applies them at start-up)',
        },
    workerAlive
      ? { ok: true, what: `a worker beat ${beat.age_s} s ago` }
      : {
          ok: false,
          what:
            beat?.age_s == null
              ? 'no worker has ever reported a heartbeat'
              : `the last worker heartbeat was ${beat.age_s} s ago`,
          fix: 'start a worker: npm run start:worker (npm start runs API and worker together)',
        },
  ];
}

async function checkDatabase(config: AppConfig): Promise<Finding[]> {
  let dataSource: DataSource;
  try {
    dataSource = await withTimeout(
      openPlatformDataSource(config, 'academy-doctor'),
      TIMEOUT_MS,
      'timed out',
    );
  } catch (error) {
    return [
      {
        ok: false,
        what: `PostgreSQL does not answer at DATABASE_URL (${(error as Error).message})`,
        fix: 'start PostgreSQL, or run npm run cli -- migrate to create the database, or fix DATABASE_URL',
      },
    ];
  }
  try {
    return [
      { ok: true, what: 'PostgreSQL answers' },
      ...(await checkDatabaseState(dataSource, config)),
    ];
  } finally {
    await dataSource.destroy();
  }
}

/** Checks everything the platform needs and says how to fix what is wrong. Exit code 1 if any. */
export async function doctor(): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig(readEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stdout.write(`✘ configuration: ${problem}\n`);
    process.stdout.write(
      '  fix: set the variables above as the README configuration table describes\n',
    );
    return 1;
  }
  const findings: Finding[] = [
    { ok: true, what: 'configuration is valid' },
    ...(await checkDatabase(config)),
    await checkRedis(config),
  ];
  for (const finding of findings) {
    process.stdout.write(`${finding.ok ? '✔' : '✘'} ${finding.what}\n`);
    if (finding.fix) process.stdout.write(`  fix: ${finding.fix}\n`);
  }
  return findings.every((finding) => finding.ok) ? 0 : 1;
}
