import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { scenarios } from './scenarios.js';
import type { BenchContext } from './seed.js';

// The bare baseline: node:http + pg doing exactly a scenario's SQL per request, with no
// framework. Started by the bench harness as its own process: SCENARIO, PORT, DATABASE_URL.
const scenario = scenarios.find((candidate) => candidate.name === process.env.SCENARIO);
if (!scenario) throw new Error(`unknown SCENARIO ${process.env.SCENARIO ?? '(unset)'}`);
const context = JSON.parse(process.env.BENCH_CONTEXT ?? '{}') as BenchContext;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// Every statement goes through Client#query (Pool#query too): count them as the API's
// db_statements_total does.
let statements = 0;
const clientQuery = Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query')?.value as (
  this: pg.Client,
  ...args: unknown[]
) => unknown;
Object.defineProperty(pg.Client.prototype, 'query', {
  configurable: true,
  writable: true,
  value: function countedQuery(this: pg.Client, ...args: unknown[]): unknown {
    statements += 1;
    return clientQuery.apply(this, args);
  },
});
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const server = createServer((request, response) => {
  if (request.url === '/__stats') {
    const stats = { eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6, statements };
    loopDelay.reset();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    scenario.baseline.handle(pool, context, { headers: request.headers, body }).then(
      (answer) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      },
      (error: unknown) => {
        response.writeHead(500).end(String(error));
      },
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
