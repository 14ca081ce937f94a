import { randomBytes } from 'node:crypto';
import {
  databaseUrl,
  deleteRedisKeys,
  onMaintenanceDatabase,
  randomSecrets,
} from '@academy/testing';
import { afterAll, inject } from 'vitest';

// Each e2e file gets its own database, cloned from the migrated template, and its own Redis key
// prefix, so files run in parallel without seeing each other's data.
const services = inject('services');
const fileId = randomBytes(4).toString('hex');
const database = `academy_${services.runId}_${fileId}`;
const redisKeyPrefix = `academy-${services.runId}-${fileId}`;

await onMaintenanceDatabase(services.postgresUrl, (client) =>
  client.query(`CREATE DATABASE "${database}" TEMPLATE "${services.templateDatabase}"`),
);

Object.assign(process.env, {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  DATABASE_URL: databaseUrl(services.postgresUrl, database),
  REDIS_URL: services.redisUrl,
  REDIS_KEY_PREFIX: redisKeyPrefix,
  MIGRATE_ON_START: 'false',
  ...randomSecrets(),
});

afterAll(async () => {
  await onMaintenanceDatabase(services.postgresUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
  await deleteRedisKeys(services.redisUrl, `${redisKeyPrefix}:*`);
});
