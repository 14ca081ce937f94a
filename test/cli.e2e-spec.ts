import { spawnBuilt } from '@academy/testing';
import { describe, expect, it } from 'vitest';

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
