import type pg from 'pg';

/** One HTTP request the load generator repeats. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A benchmark scenario: the request the API serves, what a correct answer looks like, and the
 * same work done by a bare node:http + pg endpoint (its SQL and its answer) for the baseline.
 */
export interface Scenario {
  name: string;
  description: string;
  concurrency: number;
  /** What the issue asks for, printed beside the figures. */
  target: string;
  /** Writes the scenario's data with set-based SQL; runs once per bench database. */
  seed?: (db: pg.Pool) => Promise<void>;
  request: BenchRequest;
  /** Throws when a response body is not the right answer, so a fast wrong answer never counts. */
  check: (body: string) => void;
  baseline: {
    /** The SQL statements the API runs for one request, run the same way by the baseline. */
    sql: string[];
    respond: (results: pg.QueryResult[]) => unknown;
  };
}

const graphql = (query: string): BenchRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query }),
  headers: { 'content-type': 'application/json' },
});

export const scenarios: Scenario[] = [
  {
    name: 'server-info',
    description: 'GraphQL `serverInfo { version commit uptimeSeconds }`: the pipe without SQL',
    concurrency: 16,
    target: 'no target: the cost of NestJS + Apollo + Fastify over bare node:http',
    request: graphql('{ serverInfo { version commit uptimeSeconds } }'),
    check(body) {
      const parsed = JSON.parse(body) as { data?: { serverInfo?: { version?: unknown } } };
      if (typeof parsed.data?.serverInfo?.version !== 'string') {
        throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
      }
    },
    baseline: {
      sql: [],
      respond: () => ({
        data: {
          serverInfo: { version: '0.0.0', commit: 'baseline', uptimeSeconds: process.uptime() },
        },
      }),
    },
  },
];
