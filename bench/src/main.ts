import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createReadStream, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  PROJECT_ROOT,
  createLogger,
  ensureLocalSecrets,
  loadConfig,
  readEnvironment,
} from '@academy/common';
import { prepareDatabase } from '@academy/platform';
import pg from 'pg';
import { request } from './http.js';
import { captureProductSql } from './product-sql.js';
import { writeReport, type Measurement, type ScenarioResult, type TimedResult } from './report.js';
import {
  scenarios,
  timedScenarios,
  type BenchRequest,
  type Scenario,
  type TimedScenario,
} from './scenarios.js';
import {
  ENROLLMENTS_PER_LEARNER,
  LEARNERS,
  seedLearners,
  seedLearning,
  type BenchContext,
} from './seed.js';
import { startServer, type BenchServer } from './servers.js';
import { ensureWrk, runWrk } from './wrk.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
// BENCH_PORT moves both servers, so that two checkouts can bench side by side.
const API_PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASELINE_PORT = API_PORT + 1;

ensureLocalSecrets(join(PROJECT_ROOT, '.env'));

// The benchmark has a database of its own, so it never touches development data.
const benchDatabaseUrl = (() => {
  const url = new URL(loadConfig(readEnvironment()).DATABASE_URL);
  url.pathname = '/academy_bench';
  return process.env.BENCH_DATABASE_URL ?? url.toString();
})();
const config = loadConfig({ ...readEnvironment(), DATABASE_URL: benchDatabaseUrl });

async function onMaintenanceDatabase(sql: string): Promise<void> {
  const url = new URL(benchDatabaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Wall time of `npm run cli -- curriculum import` against the bench database. */
function timeCurriculumImport(): number {
  const started = process.hrtime.bigint();
  execFileSync(
    process.execPath,
    [join(PROJECT_ROOT, 'dist/apps/cli/src/main.js'), 'curriculum', 'import'],
    {
      env: { ...readEnvironment(), DATABASE_URL: benchDatabaseUrl },
      stdio: 'ignore',
    },
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function scrapeApi(api: BenchServer): Promise<{ statements: number; loopP99Ms: number }> {
  const { body: text } = await request(`${api.url}/metrics`);
  const metric = (name: string) =>
    Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1]);
  return {
    statements: metric('db_statements_total'),
    loopP99Ms: metric('nodejs_eventloop_lag_p99_seconds') * 1000,
  };
}

/**
 * The next unused line of each scenario's feed: the check, the warm-ups and the runs of the API
 * and the baseline each take lines no earlier request used (an attempt is submitted once).
 */
const feedCursor = new Map<string, number>();

function drive(
  scenario: Scenario,
  url: string,
  load: BenchRequest,
  seconds: number,
): ReturnType<typeof runWrk> {
  const result = runWrk(url, load, scenario.concurrency, seconds, feedCursor.get(scenario.name));
  feedCursor.set(scenario.name, result.feed.nextLine);
  return result;
}

async function measureApi(scenario: Scenario, api: BenchServer): Promise<Measurement> {
  const load0 = scenario.request(context);
  drive(scenario, api.url, load0, WARMUP_SECONDS);
  const before = await scrapeApi(api);
  const load = drive(scenario, api.url, load0, SECONDS);
  const after = await scrapeApi(api);
  return {
    ...load,
    // The scrape itself runs no SQL, so the difference is the scenario's alone.
    sqlPerRequest: (after.statements - before.statements) / load.requests,
    eventLoopDelayP99Ms: after.loopP99Ms,
    peakRssMiB: api.peakRssMiB(),
  };
}

async function measureBaseline(scenario: Scenario): Promise<Measurement> {
  const baseline = await startServer(
    'baseline',
    'bench/src/baseline-server.js',
    BASELINE_PORT,
    {
      SCENARIO: scenario.name,
      DATABASE_URL: benchDatabaseUrl,
      BENCH_CONTEXT: JSON.stringify(context),
    },
    '/__stats',
  );
  try {
    const wanted = scenario.request(context);
    const stats = async () =>
      JSON.parse((await request(`${baseline.url}/__stats`)).body) as {
        eventLoopDelayP99Ms: number;
        statements: number;
      };
    drive(scenario, baseline.url, wanted, WARMUP_SECONDS);
    const before = await stats(); // also resets the event-loop histogram
    const load = drive(scenario, baseline.url, wanted, SECONDS);
    const after = await stats();
    return {
      ...load,
      sqlPerRequest: (after.statements - before.statements) / load.requests,
      eventLoopDelayP99Ms: after.eventLoopDelayP99Ms,
      peakRssMiB: baseline.peakRssMiB(),
    };
  } finally {
    await baseline.stop();
  }
}

/** Line `index` of a feed file (0-based). */
async function feedLine(path: string, index: number): Promise<string> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let current = 0;
  for await (const line of lines) {
    if (current++ === index) {
      lines.close();
      return line;
    }
  }
  throw new Error(`the feed ${path} has no line ${index}`);
}

async function checkAnswer(scenario: Scenario, api: BenchServer): Promise<void> {
  const { method, path, body, headers, feed } = scenario.request(context);
  if (!feed) {
    scenario.check((await request(`${api.url}${path}`, { method, body, headers })).body);
    return;
  }
  const index = feedCursor.get(scenario.name) ?? 0;
  feedCursor.set(scenario.name, index + 1);
  const line = await feedLine(feed.path, index);
  const tab = line.indexOf('\t');
  const answer = await request(`${api.url}${path}`, {
    method,
    body: line.slice(tab + 1),
    headers: { ...headers, authorization: line.slice(0, tab) },
  });
  scenario.check(answer.body);
}

async function runTimed(scenario: TimedScenario, api: BenchServer): Promise<TimedResult> {
  const before = await scrapeApi(api);
  const { note, ...times } = await scenario.run({ apiUrl: api.url, db: pool, config, context });
  if (note) notes.push(`${scenario.name}: ${note}.`);
  const after = await scrapeApi(api);
  return {
    name: scenario.name,
    description: scenario.description,
    target: scenario.target,
    ...times,
    sqlPerRun: (after.statements - before.statements) / times.api.length,
  };
}

const wanted = process.argv.slice(2);
const allNames = [...scenarios, ...timedScenarios].map((scenario) => scenario.name);
const unknown = wanted.filter((name) => !allNames.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown scenario ${unknown.join(', ')}. Available: ${allNames.join(', ')}\n`,
  );
  process.exit(2);
}
const chosen = (name: string) => wanted.length === 0 || wanted.includes(name);
const selected = scenarios.filter((scenario) => chosen(scenario.name));
const selectedTimed = timedScenarios.filter((scenario) => chosen(scenario.name));

ensureWrk();
// A fresh bench database each run, so figures (and the import) start from the same state.
await onMaintenanceDatabase(
  `DROP DATABASE IF EXISTS "${new URL(benchDatabaseUrl).pathname.slice(1)}" WITH (FORCE)`,
);
await prepareDatabase(config, createLogger({ LOG_LEVEL: 'warn' }, 'bench'));
const importSeconds = timeCurriculumImport();
const pool = new pg.Pool({ connectionString: benchDatabaseUrl });
const postgresVersion = (
  (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ??
  '?'
).split(' ')[0];
const seedStarted = process.hrtime.bigint();
const learners = await seedLearners(pool, config);
const learning = await seedLearning(pool, learners);
const context: BenchContext = {
  ...learners,
  ...learning,
  sql: await captureProductSql(pool, learners),
};
const seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;

const api = await startServer(
  'api',
  'apps/api/src/main.js',
  API_PORT,
  {
    DATABASE_URL: benchDatabaseUrl,
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    CURRICULUM_IMPORT_ON_START: 'false',
  },
  '/health/live',
);
const results: ScenarioResult[] = [];
const timedResults: TimedResult[] = [];
const notes = [
  `Importing the full curriculum into an empty catalog (CLI process, start-up included): ${importSeconds.toFixed(2)} s (target: under 5 s).`,
  `Seeding ${LEARNERS.toLocaleString('en')} learners with ${ENROLLMENTS_PER_LEARNER} enrollments each, lesson progress and graded attempts (set-based SQL, then ANALYZE and CHECKPOINT): ${seedSeconds.toFixed(1)} s.`,
];
try {
  for (const scenario of selected) {
    if (scenario.setup) {
      process.stderr.write(`Preparing ${scenario.name}...\n`);
      const done = await scenario.setup({ db: pool, config, context });
      if (done) notes.push(`${scenario.name}: ${done}.`);
    }
    const { feed } = scenario.request(context);
    try {
      process.stderr.write(
        `Running ${scenario.name} (${SECONDS} s each for API and baseline)...\n`,
      );
      await checkAnswer(scenario, api);
      const apiMeasurement = await measureApi(scenario, api);
      const baseline = await measureBaseline(scenario);
      results.push({
        name: scenario.name,
        description: scenario.description,
        concurrency: scenario.concurrency,
        seconds: SECONDS,
        target: scenario.target,
        api: apiMeasurement,
        baseline,
      });
      if (feed) {
        const used = feedCursor.get(scenario.name) ?? 0;
        const lines = feed.lines.toLocaleString('en');
        notes.push(
          used <= feed.lines
            ? `${scenario.name}: ${used.toLocaleString('en')} of the ${lines} prepared requests used (check, warm-ups and runs of API and baseline), each once.`
            : `${scenario.name}: RAN OUT of prepared requests (${used.toLocaleString('en')} wanted, ${lines} prepared): the reused ones count as errors; lower BENCH_SECONDS or seed more.`,
        );
      }
    } finally {
      if (feed) rmSync(dirname(feed.path), { recursive: true, force: true });
    }
  }
  for (const scenario of selectedTimed) {
    process.stderr.write(`Running ${scenario.name}...\n`);
    timedResults.push(await runTimed(scenario, api));
  }
} finally {
  await api.stop();
  await pool.end();
}
process.stdout.write(
  `${writeReport(results, `PostgreSQL ${postgresVersion ?? '?'}`, notes, timedResults)}\n`,
);
