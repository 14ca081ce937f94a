import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRequest } from './scenarios.js';

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Installs wrk from Debian's packages when it is missing (the bench needs it; tests do not). */
export function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing its version: only a missing binary is a problem.
    if ((error as { code?: string }).code !== 'ENOENT') return;
    process.stderr.write('Installing wrk (apt-get install wrk)...\n');
    execFileSync(
      'sh',
      ['-c', 'apt-get install -y wrk || (apt-get update && apt-get install -y wrk)'],
      {
        stdio: 'inherit',
      },
    );
  }
}

function luaString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function scriptFor(request: BenchRequest): string {
  const lines = [`wrk.method = "${request.method}"`];
  if (request.body !== undefined) lines.push(`wrk.body = ${luaString(request.body)}`);
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    lines.push(`wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  }
  return lines.join('\n');
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function latencyMs(output: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
  if (!match?.[1] || !match[2]) throw new Error(`no ${percentile}% latency in wrk output`);
  return Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
}

/** Drives `request` at `baseUrl` for `seconds` with `connections` and parses wrk's report. */
export function runWrk(
  baseUrl: string,
  request: BenchRequest,
  connections: number,
  seconds: number,
): LoadResult {
  const script = join(mkdtempSync(join(tmpdir(), 'academy-bench-')), 'request.lua');
  writeFileSync(script, scriptFor(request));
  const output = execFileSync(
    'wrk',
    [
      '-t',
      '2',
      '-c',
      String(connections),
      '-d',
      `${seconds}s`,
      '--latency',
      '-s',
      script,
      `${baseUrl}${request.path}`,
    ],
    { encoding: 'utf8' },
  );
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  const errors =
    non2xx + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN),
    requests,
    p50Ms: latencyMs(output, '50'),
    p99Ms: latencyMs(output, '99'),
    errors,
  };
}
