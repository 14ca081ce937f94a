import { spawnBuilt, testConfig, waitFor } from '@academy/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

describe('process start-up with bad configuration', () => {
  it.each(['api', 'worker'] as const)(
    'the %s exits non-zero naming each bad variable, without echoing its value',
    async (app) => {
      const running = spawnBuilt(app, {
        DATABASE_URL: 'mysql://root:hunter2-secret@db/app',
        PORT: 'eighty',
      });
      expect(await running.exited).toBe(1);
      const output = running.output();
      expect(output).toContain(`${app}: invalid configuration, not starting`);
      expect(output).toMatch(/^DATABASE_URL: expected a URL like postgres:\/\//m);
      expect(output).toMatch(/^PORT: expected a TCP port/m);
      expect(output).not.toContain('hunter2-secret');
    },
  );
});

describe('worker shutdown', () => {
  it('on SIGTERM lets the job in flight finish, then exits 0', async () => {
    const { DATABASE_URL } = testConfig();
    const locker = new pg.Client({ connectionString: DATABASE_URL });
    // A second connection: pg_stat_activity is a snapshot frozen inside the locker's transaction.
    const observer = new pg.Client({ connectionString: DATABASE_URL });
    await Promise.all([locker.connect(), observer.connect()]);
    try {
      // Hold a lock on the heartbeat table so the worker's first heartbeat job blocks mid-flight.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE worker_heartbeats IN ACCESS EXCLUSIVE MODE');
      const worker = spawnBuilt('worker', { LOG_LEVEL: 'info' });
      const jobBlockedOnLock = async () => {
        const { rows } = await observer.query<{ waiting: number }>(
          // This file's database only: workers of other test files run at the same time.
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'academy-worker'
              AND wait_event_type = 'Lock'`,
        );
        return (rows[0]?.waiting ?? 0) > 0;
      };
      await waitFor(jobBlockedOnLock, 'the heartbeat job to block on the lock');

      worker.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(worker.child.exitCode, 'the worker must wait for its job').toBeNull();
      await locker.query('COMMIT');

      expect(await worker.exited).toBe(0);
      const { rows } = await observer.query<{ beats: number }>(
        'SELECT count(*)::int AS beats FROM worker_heartbeats',
      );
      expect(rows).toEqual([{ beats: 1 }]);
      expect(worker.output()).toContain('shut down cleanly');
    } finally {
      await Promise.all([locker.end(), observer.end()]);
    }
  });
});
