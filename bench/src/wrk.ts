import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRequest, Feed } from './scenarios.js';

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, socket errors, bodies with a failure marker, and feed lines used twice. */
  errors: number;
}

/** Where a feed-driven run started and how far it got, so the next run takes fresh lines. */
export interface FeedProgress {
  /** The first line of the feed the next run may use. */
  nextLine: number;
  /** Requests sent with a line some earlier request had used (the feed ran out). */
  reused: number;
}

const THREADS = 2;

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

/**
 * A feed is a file with one request per line, `<authorization header>\t<body>`: each wrk thread
 * takes every THREADS-th line from `start`, so no two requests of a run share a line. Past the
 * end it starts again from the top and counts every request from then on as reused.
 */
function feedScript(feed: Feed, start: number): string[] {
  return [
    `local feed_path = ${luaString(feed.path)}`,
    `local feed_start = ${start}`,
    `local stride = ${THREADS}`,
    'local threads = {}',
    'local thread_count = 0',
    'function setup(thread)',
    '  thread:set("tid", thread_count)',
    '  thread_count = thread_count + 1',
    '  table.insert(threads, thread)',
    'end',
    'local file',
    'local function skip(n) for _ = 1, n do file:read("*l") end end',
    'function init(args)',
    '  taken = 0',
    '  reused = 0',
    '  wrapped = false',
    '  failed = 0',
    '  file = assert(io.open(feed_path, "r"))',
    '  skip(feed_start + tid)',
    'end',
    'function request()',
    '  local line = file:read("*l")',
    '  if line == nil then',
    '    wrapped = true',
    '    file:close()',
    '    file = assert(io.open(feed_path, "r"))',
    '    skip(tid)',
    '    line = file:read("*l")',
    '  end',
    '  if wrapped then reused = reused + 1 end',
    '  skip(stride - 1)',
    '  taken = taken + 1',
    '  local tab = line:find("\\t", 1, true)',
    '  wrk.headers["authorization"] = line:sub(1, tab - 1)',
    '  return wrk.format(nil, nil, nil, line:sub(tab + 1))',
    'end',
  ];
}

function scriptFor(request: BenchRequest, feedStart: number): string {
  const lines = [`wrk.method = "${request.method}"`];
  if (request.body !== undefined) lines.push(`wrk.body = ${luaString(request.body)}`);
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    lines.push(`wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  }
  if (request.feed) lines.push(...feedScript(request.feed, feedStart));
  else if (request.failIf) {
    // Without a feed, setup() still collects the threads so that done() can add up failures.
    lines.push(
      'local threads = {}',
      'function setup(thread) table.insert(threads, thread) end',
      'function init(args) taken = 0 reused = 0 failed = 0 end',
    );
  }
  if (request.failIf) {
    // A 200 can still be a wrong answer (a GraphQL error): count bodies with a failure marker.
    lines.push(
      `local markers = { ${request.failIf.map(luaString).join(', ')} }`,
      'function response(status, headers, body)',
      '  for _, marker in ipairs(markers) do',
      '    if body and body:find(marker, 1, true) then',
      '      failed = failed + 1',
      '      return',
      '    end',
      '  end',
      'end',
    );
  }
  if (request.feed || request.failIf) {
    lines.push(
      'function done(summary, latency, requests)',
      '  local most, reused_total, failed_total = 0, 0, 0',
      '  for _, thread in ipairs(threads) do',
      '    most = math.max(most, thread:get("taken"))',
      '    reused_total = reused_total + thread:get("reused")',
      '    failed_total = failed_total + thread:get("failed")',
      '  end',
      '  io.write(string.format("bench-feed taken=%d reused=%d failed=%d\\n", most, reused_total, failed_total))',
      'end',
    );
  }
  return lines.join('\n');
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function latencyMs(output: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
  if (!match?.[1] || !match[2]) throw new Error(`no ${percentile}% latency in wrk output`);
  return Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
}

/**
 * Drives `request` at `baseUrl` for `seconds` with `connections` and parses wrk's report. A
 * request with a feed starts at line `feedStart`; the result says where the next run starts.
 */
export function runWrk(
  baseUrl: string,
  request: BenchRequest,
  connections: number,
  seconds: number,
  feedStart = 0,
): LoadResult & { feed: FeedProgress } {
  const directory = mkdtempSync(join(tmpdir(), 'academy-bench-'));
  const script = join(directory, 'request.lua');
  writeFileSync(script, scriptFor(request, feedStart));
  let output: string;
  try {
    output = execFileSync(
      'wrk',
      [
        '-t',
        String(THREADS),
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
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  const [, taken = '0', reused = '0', failed = '0'] =
    /bench-feed taken=(\d+) reused=(\d+) failed=(\d+)/.exec(output) ?? [];
  const errors =
    non2xx +
    Number(failed) +
    Number(reused) +
    (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN),
    requests,
    p50Ms: latencyMs(output, '50'),
    p99Ms: latencyMs(output, '99'),
    errors,
    feed: { nextLine: feedStart + Number(taken) * THREADS, reused: Number(reused) },
  };
}
