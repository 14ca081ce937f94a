import type pg from 'pg';
import type { BenchContext } from './seed.js';

/** One HTTP request the load generator repeats. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface Statement {
  sql: string;
  params: unknown[];
  /** Set when the API runs it as a named prepared statement; the baseline then does too. */
  name?: string;
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
  request: (context: BenchContext) => BenchRequest;
  /** Throws when a response body is not the right answer, so a fast wrong answer never counts. */
  check: (body: string) => void;
  baseline: {
    /** The SQL statements the API runs for one request, run the same way by the baseline. */
    statements: (context: BenchContext) => Statement[];
    respond: (results: pg.QueryResult[]) => unknown;
  };
}

const graphql = (query: string, token?: string): BenchRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query }),
  headers: {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
});

const expectData = (path: string[]) => (body: string) => {
  let value: unknown = (JSON.parse(body) as { data?: unknown }).data;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  if (value === undefined || value === null)
    throw new Error(`unexpected answer: ${body.slice(0, 300)}`);
};

/** The statements the API runs to authenticate a bearer token (one per request). */
const actorLookup = (context: BenchContext): Statement => ({
  name: 'identity.actor-of-session',
  sql: `SELECT u.role, (o.settings->>'requireMfaForPrivilegedRoles' = 'true'
          AND u.role IN ('ADMIN', 'MANAGER') AND u.mfa_enabled_at IS NULL) AS must_enrol_mfa
          FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
         WHERE s.id = $1 AND u.id = $2 AND u.organization_id = $3
           AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'ACTIVE'`,
  params: [context.sessionId, context.learnerId, context.organizationId],
});

const catalogSelect = `SELECT i.id, i.kind, i.slug, i.parent_slug, i.organization_id, v.version, v.id AS version_id,
       v.content
  FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
 WHERE i.retired_at IS NULL AND (i.organization_id IS NULL OR i.organization_id = $1)`;

export const COURSE_SLUG = 'safe-use-of-generative-ai';

export const scenarios: Scenario[] = [
  {
    name: 'server-info',
    description: 'GraphQL `serverInfo { version commit uptimeSeconds }`: the pipe without SQL',
    concurrency: 16,
    target: 'no target: the cost of NestJS + Apollo + Fastify over bare node:http',
    request: () => graphql('{ serverInfo { version commit uptimeSeconds } }'),
    check: expectData(['serverInfo', 'version']),
    baseline: {
      statements: () => [],
      respond: () => ({
        data: {
          serverInfo: { version: '0.0.0', commit: 'baseline', uptimeSeconds: process.uptime() },
        },
      }),
    },
  },
  {
    name: 'course',
    description: `GraphQL \`course(slug: "${COURSE_SLUG}")\` with all modules, lessons (no bodies) and quiz rules, as a signed-in learner`,
    concurrency: 16,
    target: 'at least 1,000 requests/s with p99 under 25 ms; SQL statements per request constant',
    request: (context) =>
      graphql(
        `{ course(slug: "${COURSE_SLUG}") { slug title modules { slug title lessons { slug title estimatedMinutes objectives frameworks } quiz { slug passingScore questionsPerAttempt } } } }`,
        context.learnerToken,
      ),
    check: expectData(['course', 'modules']),
    baseline: {
      statements: (context) => [
        actorLookup(context),
        {
          name: 'catalog.course-with-children',
          sql: `WITH course AS (${catalogSelect} AND i.kind = 'course' AND i.slug = $2
                  ORDER BY i.organization_id NULLS LAST LIMIT 1)
                SELECT * FROM course
                UNION ALL
                ${catalogSelect} AND i.kind IN ('lesson', 'quiz') AND i.parent_slug = $2
                  AND EXISTS (SELECT 1 FROM course)`,
          params: [context.organizationId, COURSE_SLUG],
        },
      ],
      respond: ([, course]) => ({ data: { course: course?.rows } }),
    },
  },
];
