import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadConfig, PROJECT_ROOT } from '@academy/common';
import { runMigrationsLocked } from '@academy/database';
import { openPlatformDataSource } from '@academy/platform';
import {
  databaseUrl,
  deleteRedisKeys,
  onMaintenanceDatabase,
  postgresAnswers,
  randomSecrets,
  redisAnswers,
  type TestServices,
} from '@academy/testing';
import type { TestProject } from 'vitest/node';

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
const HOW_TO_PROVIDE =
  'set TEST_DATABASE_URL and TEST_REDIS_URL to a running PostgreSQL 15+ and Redis 7, or start Docker so testcontainers can run them';

interface Started {
  postgresUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

/** Starts PostgreSQL and Redis in containers when nothing answers at the given URLs. */
async function startContainers(): Promise<Started> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    throw new Error(`No PostgreSQL/Redis for the tests: ${HOW_TO_PROVIDE}.`);
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { RedisContainer } = await import('@testcontainers/redis');
  const [postgres, redis] = await Promise.all([
    new PostgreSqlContainer('postgres:16')
      .withUsername('postgres')
      .withPassword('postgres')
      .start(),
    new RedisContainer('redis:7').start(),
  ]);
  return {
    postgresUrl: databaseUrl(postgres.getConnectionUri(), 'postgres'),
    redisUrl: redis.getConnectionUrl(),
    stop: async () => {
      await Promise.all([postgres.stop(), redis.stop()]);
    },
  };
}

async function resolveServices(): Promise<Started> {
  const postgresUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES;
  const redisUrl = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS;
  const [postgresUp, redisUp] = await Promise.all([
    postgresAnswers(databaseUrl(postgresUrl, 'postgres')),
    redisAnswers(redisUrl),
  ]);
  if (postgresUp && redisUp) return { postgresUrl, redisUrl, stop: () => Promise.resolve() };
  return startContainers();
}

/**
 * Once per run: find the services, build the apps (some tests run them as child processes),
 * and migrate a template database that every test file clones. Teardown drops every database
 * and Redis key the run made.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const services = await resolveServices();
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });

  const runId = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const templateDatabase = `academy_${runId}_template`;
  await onMaintenanceDatabase(services.postgresUrl, (client) =>
    client.query(`CREATE DATABASE "${templateDatabase}"`),
  );
  const dataSource = await openPlatformDataSource(
    loadConfig({
      ...randomSecrets(),
      DATABASE_URL: databaseUrl(services.postgresUrl, templateDatabase),
    }),
    'academy-test-setup',
  );
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();

  const provided: TestServices = {
    postgresUrl: services.postgresUrl,
    redisUrl: services.redisUrl,
    templateDatabase,
    runId,
  };
  project.provide('services', provided);

  return async () => {
    await onMaintenanceDatabase(services.postgresUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`academy_${runId}_%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    });
    await deleteRedisKeys(services.redisUrl, `academy-${runId}*`);
    await services.stop();
  };
}
