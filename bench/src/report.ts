import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';
import type { LoadResult } from './wrk.js';

export interface Measurement extends LoadResult {
  peakRssMiB: number;
  eventLoopDelayP99Ms: number;
  sqlPerRequest: number;
}

export interface ScenarioResult {
  name: string;
  description: string;
  concurrency: number;
  seconds: number;
  target: string;
  api: Measurement;
  baseline: Measurement;
}

/** A scenario timed per operation (not under wrk): seconds of each run. */
export interface TimedResult {
  name: string;
  description: string;
  target: string;
  api: number[];
  baseline: number[];
  /** SQL statements the API ran per operation. */
  sqlPerRun: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const runs = (values: number[]) => values.map((value) => fixed(value, 3)).join(', ');

function timedLine({ name, description, target, api, baseline, sqlPerRun }: TimedResult): string {
  return `**${name}**: ${description}. API ${runs(api)} s (median ${fixed(median(api), 3)} s, ${fixed(sqlPerRun, 1)} SQL statements per run); baseline ${runs(baseline)} s (median ${fixed(median(baseline), 3)} s); API/baseline time ${fixed(median(api) / median(baseline), 2)} (target: ${target}).`;
}

const fixed = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

/** Renders the run as Markdown, prints it, and writes it to bench/results/. */
export function writeReport(
  results: ScenarioResult[],
  postgresVersion: string,
  notes: string[] = [],
  timed: TimedResult[] = [],
): string {
  const now = new Date();
  const sha = commit();
  const lines = [
    `# Benchmark ${now.toISOString()}`,
    '',
    `- commit: ${sha}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${fixed(totalmem() / 2 ** 30)} GiB`,
    `- node ${process.version}; ${postgresVersion}`,
    '- load: wrk, 2 threads; API logging at warn; figures beside a bare node:http + pg endpoint running the same SQL in the same run. On shared 2-core machines compare ratios, not absolutes.',
    '',
    '| scenario | conc. | req/s | p50 ms | p99 ms | SQL/req | peak RSS MiB | loop p99 ms | errors API / baseline | baseline req/s | baseline p50 | baseline p99 | baseline SQL/req | baseline RSS | API/baseline req/s |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...results.map(
      ({ name, concurrency, api, baseline }) =>
        `| ${name} | ${concurrency} | ${fixed(api.requestsPerSecond, 0)} | ${fixed(api.p50Ms, 2)} | ${fixed(api.p99Ms, 2)} | ${fixed(api.sqlPerRequest, 2)} | ${fixed(api.peakRssMiB)} | ${fixed(api.eventLoopDelayP99Ms, 2)} | ${api.errors} / ${baseline.errors} | ${fixed(baseline.requestsPerSecond, 0)} | ${fixed(baseline.p50Ms, 2)} | ${fixed(baseline.p99Ms, 2)} | ${fixed(baseline.sqlPerRequest, 2)} | ${fixed(baseline.peakRssMiB)} | ${fixed(api.requestsPerSecond / baseline.requestsPerSecond, 2)} |`,
    ),
    '',
    ...results.flatMap(({ name, description, seconds, target }) => [
      `- **${name}** (${seconds} s): ${description}. Target: ${target}.`,
    ]),
    ...timed.map((result) => `- ${timedLine(result)}`),
    ...notes.map((note) => `- ${note}`),
    '',
  ];
  const markdown = lines.join('\n');
  const directory = join(PROJECT_ROOT, 'bench/results');
  mkdirSync(directory, { recursive: true });
  const stamp = now.toISOString().slice(0, 16).replace(/[:]/g, '');
  writeFileSync(join(directory, `${stamp}-${sha}.md`), markdown);
  return markdown;
}
