import { openPlatformDataSource } from '@academy/platform';
import { spawnBuilt, testConfig } from '@academy/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('cli', () => {
  it('doctor reports each problem with a fix and exits 1', async () => {
    const run = spawnBuilt('cli', { REDIS_URL: 'redis://127.0.0.1:1' }, ['doctor']);
    expect(await run.exited).toBe(1);
    const output = run.output();
    expect(output).toContain('✔ configuration is valid');
    expect(output).toContain('✔ PostgreSQL answers');
    expect(output).toContain('✔ all migrations applied');
    expect(output).toMatch(/✘ Redis does not answer .*\n {2}fix: start Redis/);
    expect(output).toMatch(/✘ no worker has ever reported a heartbeat\n {2}fix: start a worker/);
  });

  it('doctor names bad configuration', async () => {
    const run = spawnBuilt('cli', { REDIS_URL: 'http://nope' }, ['doctor']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('✘ configuration: REDIS_URL: expected a URL like redis://');
  });

  it('migrate is idempotent on a migrated database', async () => {
    const run = spawnBuilt('cli', {}, ['migrate']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Database is at the latest migration.');
  });

  it('rejects an unknown command with usage', async () => {
    const run = spawnBuilt('cli', {}, ['frobnicate']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('Unknown command "frobnicate"');
  });
});

describe('cli org:create', () => {
  it('creates an organization and prints the first admin’s invitation token once', async () => {
    const run = spawnBuilt('cli', {}, [
      'org:create',
      '--name',
      'Acme',
      '--slug',
      'acme',
      '--admin-email',
      'Admin@Acme.test',
    ]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Created organization "Acme" (slug acme).');
    expect(run.output()).toContain('First admin: admin@acme.test');
    expect(run.output()).toMatch(/\n[A-Za-z0-9_-]{43}\n/);
  });

  it('refuses a taken slug and missing arguments', async () => {
    const taken = spawnBuilt('cli', {}, [
      'org:create',
      '--name',
      'Other',
      '--slug',
      'acme',
      '--admin-email',
      'x@y.test',
    ]);
    expect(await taken.exited).toBe(1);
    expect(taken.output()).toContain('org:create: The slug "acme" is taken.');
    const missing = spawnBuilt('cli', {}, ['org:create', '--name', 'Nameless']);
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toContain('Usage: npm run cli -- org:create');
  });
});

describe('cli notifications replay', () => {
  let dataSource: DataSource;
  const organizations = new Map<string, string>();
  const failed = new Map<string, string[]>(); // organization slug -> dead-lettered message ids

  const deadLetter = async (slug: string) => {
    const [row] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO outbox_messages
         (organization_id, topic, payload, available_at, status, attempts, last_error, processed_at)
       VALUES ($1, 'notifications.reminder-digest', '{}', now(), 'failed', 5, 'refused', now())
       RETURNING id`,
      [organizations.get(slug)],
    );
    failed.set(slug, [...(failed.get(slug) ?? []), row?.id ?? '']);
  };
  const statusOf = async (slug: string) =>
    dataSource.query<{ status: string; attempts: number }[]>(
      `SELECT status, attempts FROM outbox_messages WHERE id = ANY($1) ORDER BY id`,
      [failed.get(slug)],
    );
  const replay = async (...args: string[]) => {
    const run = spawnBuilt('cli', {}, ['notifications', ...args]);
    return { code: await run.exited, output: run.output() };
  };

  beforeAll(async () => {
    dataSource = await openPlatformDataSource(testConfig(), 'cli-test');
    for (const slug of ['replay-a', 'replay-b']) {
      const created = spawnBuilt('cli', {}, [
        'org:create',
        '--name',
        slug,
        '--slug',
        slug,
        '--admin-email',
        `admin@${slug}.test`,
      ]);
      expect(await created.exited).toBe(0);
      const [row] = await dataSource.query<{ id: string }[]>(
        'SELECT id FROM organizations WHERE slug = $1',
        [slug],
      );
      organizations.set(slug, row?.id ?? '');
    }
    await deadLetter('replay-a');
    await deadLetter('replay-a');
    await deadLetter('replay-b');
    await deadLetter('replay-b');
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('revives the dead letters of one organization, by slug, and audits it', async () => {
    const { code, output } = await replay('replay', '--organization', 'Replay-A');
    expect(code).toBe(0);
    expect(output).toContain('Revived 2 dead-lettered message(s)');
    expect(await statusOf('replay-a')).toEqual([
      { status: 'pending', attempts: 0 },
      { status: 'pending', attempts: 0 },
    ]);
    expect((await statusOf('replay-b')).map((row) => row.status)).toEqual(['failed', 'failed']);
    const events = await dataSource.query<{ actor_type: string; details: unknown }[]>(
      `SELECT actor_type, details FROM audit_events
        WHERE organization_id = $1 AND action = 'notifications.messages-replayed'`,
      [organizations.get('replay-a')],
    );
    expect(events).toEqual([{ actor_type: 'SYSTEM', details: { count: 2, via: 'cli' } }]);
  });

  it('revives one message by id, then all that are left, and says when nothing matched', async () => {
    const [first, second] = failed.get('replay-b') ?? [];
    const byId = await replay('replay', '--id', first ?? '');
    expect(byId.code).toBe(0);
    expect(byId.output).toContain('Revived 1 ');
    const all = await replay('replay', '--all');
    expect(all.code).toBe(0);
    expect(all.output).toContain('Revived 1 ');
    expect((await statusOf('replay-b')).map((row) => row.status)).toEqual(['pending', 'pending']);
    const again = await replay('replay', '--id', second ?? '');
    expect(again).toEqual({
      code: 0,
      output: 'No dead-lettered messages matched: nothing to replay.\n',
    });
  });

  it('refuses bad arguments with usage (exit 2) and an unknown organization (exit 1)', async () => {
    const badArguments = [
      ['replay'],
      ['replay', '--id', 'not-a-uuid'],
      ['replay', '--all', '--organization', 'replay-a'],
      ['replay', '--everything'],
      ['resend', '--all'],
    ];
    const runs = await Promise.all(badArguments.map((args) => replay(...args)));
    for (const [index, { code, output }] of runs.entries()) {
      expect({ args: badArguments[index], code }).toEqual({ args: badArguments[index], code: 2 });
      expect(output).toContain('Usage: npm run cli -- notifications replay');
    }
    const unknown = await replay('replay', '--organization', 'nowhere');
    expect(unknown).toEqual({
      code: 1,
      output: 'notifications replay: no organization "nowhere".\n',
    });
  });
});
