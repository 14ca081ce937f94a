import type { CatalogReader } from '@academy/catalog';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { DrillScenario } from './drill-scenario.js';
import { DrillScenarios } from './drill-scenarios.js';

const ORG = 'org-1';
const scenario = { title: 'Poisoned data' } as unknown as DrillScenario;

/** Stand-ins for the catalog and the database that count their reads and can fail once. */
function scenarios(runs: Record<string, string>) {
  const reads = { versions: 0, runs: 0 };
  let failNextVersionRead = false;
  const catalog = {
    versionsByIds: async () => {
      reads.versions += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failNextVersionRead) {
        failNextVersionRead = false;
        throw new Error('connection lost');
      }
      return [{ content: scenario }];
    },
  };
  const dataSource = {
    manager: {},
    query: async (_sql: string, [runId]: string[]) => {
      reads.runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const versionId = runs[runId ?? ''];
      return versionId ? [{ scenario_version_id: versionId }] : [];
    },
  };
  const subject = new DrillScenarios(
    catalog as unknown as CatalogReader,
    dataSource as unknown as DataSource,
  );
  return {
    subject,
    reads,
    failNextVersionRead: () => {
      failNextVersionRead = true;
    },
  };
}

describe('DrillScenarios', () => {
  it('reads a run and its scenario once for a whole team answering at once', async () => {
    const { subject, reads } = scenarios({ 'run-1': 'version-1' });
    const found = await Promise.all(Array.from({ length: 200 }, () => subject.ofRun(ORG, 'run-1')));
    expect(found.every((each) => each === scenario)).toBe(true);
    expect(reads).toEqual({ versions: 1, runs: 1 });
    await subject.ofRun(ORG, 'run-1');
    expect(reads).toEqual({ versions: 1, runs: 1 });
  });

  it('forgets a failed read, so that the next call reads again', async () => {
    const { subject, reads, failNextVersionRead } = scenarios({});
    failNextVersionRead();
    await expect(subject.version(ORG, 'version-1')).rejects.toThrow('connection lost');
    await expect(subject.version(ORG, 'version-1')).resolves.toBe(scenario);
    expect(reads.versions).toBe(2);
  });

  it('answers null for a run the organization does not have, without remembering it', async () => {
    const { subject, reads } = scenarios({});
    expect(await subject.ofRun(ORG, 'made-up')).toBeNull();
    expect(await subject.ofRun(ORG, 'made-up')).toBeNull();
    expect(reads.runs).toBe(2);
  });
});
