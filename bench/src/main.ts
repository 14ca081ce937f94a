import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
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
import { writeReport, type Measurement, type ScenarioResult } from './report.js';
import { scenarios, type Scenario } from './scenarios.js';
import { seedLearners } from './seed.js';
import { startServer, type BenchServer } from './servers.js';
import { ensureWrk, runWrk } from './wrk.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const API_PORT = 3190;
const BASELINE_PORT = 3191;

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

async function measureApi(scenario: Scenario, api: BenchServer): Promise<Measurement> {
  const load0 = scenario.request(context);
  runWrk(api.url, load0, scenario.concurrency, WARMUP_SECONDS);
  const before = await scrapeApi(api);
  const load = runWrk(api.url, load0, scenario.concurrency, SECONDS);
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
    runWrk(baseline.url, wanted, scenario.concurrency, WARMUP_SECONDS);
    await request(`${baseline.url}/__stats`); // resets the event-loop histogram
    const load = runWrk(baseline.url, wanted, scenario.concurrency, SECONDS);
    const stats = JSON.parse((await request(`${baseline.url}/__stats`)).body) as {
      eventLoopDelayP99Ms: number;
    };
    return {
      ...load,
      sqlPerRequest: scenario.baseline.statements(context).length,
      eventLoopDelayP99Ms: stats.eventLoopDelayP99Ms,
      peakRssMiB: baseline.peakRssMiB(),
    };
  } finally {
    await baseline.stop();
  }
}

async function checkAnswer(scenario: Scenario, api: BenchServer): Promise<void> {
  const { method, path, body, headers } = scenario.request(context);
  scenario.check((await request(`${api.url}${path}`, { method, body, headers })).body);
}

const wanted = process.argv.slice(2);
const selected = wanted.length
  ? scenarios.filter((scenario) => wanted.includes(scenario.name))
  : scenarios;
if (selected.length === 0) {
  process.stderr.write(`Unknown scenario. Available: ${scenarios.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

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
const context = await seedLearners(pool, config);
await pool.end();

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
try {
  for (const scenario of selected) {
    process.stderr.write(`Running ${scenario.name} (${SECONDS} s each for API and baseline)...\n`);
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
  }
} finally {
  await api.stop();
}
const notes = [
  `Importing the full curriculum into an empty catalog (CLI process, start-up included): ${importSeconds.toFixed(2)} s (target: under 5 s).`,
];
process.stdout.write(`${writeReport(results, `PostgreSQL ${postgresVersion ?? '?'}`, notes)}\n`);
