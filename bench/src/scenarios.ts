import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '@academy/common';
import type pg from 'pg';
// Pure functions and statement texts of the product (no framework, no database): the baseline computes what the
// API computes from the same rows.
import { ActorOfSession } from '../../libs/identity/src/auth/authentication.service.js';
import { AttemptStatements } from '../../libs/learning/src/quizzes/attempt-statements.js';
import { gradeAnswers, type AnswerKey } from '../../libs/learning/src/quizzes/quiz-grading.js';
import {
  nextLessonSlug,
  toEnrollmentSummary,
  type EnrollmentRow,
} from '../../libs/learning/src/records/enrollment-summary.js';
import { CONCURRENT_JOBS, SMTP_CONNECTIONS } from './delivery-settings.js';
import type { BenchContext } from './seed.js';

/** The HTTP request the load generator sends: the same each time, or one per line of a feed. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /**
   * A file of requests used once each, one a line: `<authorization header>\t<body>`, sent with
   * `method`, `path` and `headers`. Each request then differs (a different attempt to submit).
   */
  feed?: Feed;
  /** Substrings of a 200 response body that make it a failure (e.g. a GraphQL error). */
  failIf?: string[];
}

/** A file of prepared requests (see BenchRequest.feed) and how many lines it has. */
export interface Feed {
  path: string;
  lines: number;
}

/** What the baseline server hands a scenario's baseline for one request. */
export interface BaselineRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a scenario's setup may use: the bench database and the API's configuration. */
export interface SetupEnvironment {
  db: pg.Pool;
  config: AppConfig;
  context: BenchContext;
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
  /**
   * Seeds what only this scenario needs, just before it runs (in the harness process), and may
   * say what it did, for the report.
   */
  setup?: (environment: SetupEnvironment) => Promise<string | undefined>;
  request: (context: BenchContext) => BenchRequest;
  /** Throws when a response body is not the right answer, so a fast wrong answer never counts. */
  check: (body: string) => void;
  baseline: {
    /** Serves one request with bare pg: the API's SQL for it, and an answer of the same shape. */
    handle: (db: pg.Pool, context: BenchContext, request: BaselineRequest) => Promise<unknown>;
  };
}

/** A scenario timed per operation rather than driven by wrk (one long request at a time). */
export interface TimedScenario {
  name: string;
  description: string;
  target: string;
  /** Wall times in seconds of each run through the API and through the baseline. */
  run: (bench: {
    apiUrl: string;
    db: pg.Pool;
    config: AppConfig;
    context: BenchContext;
  }) => Promise<{ api: number[]; baseline: number[]; note?: string }>;
}

export interface Statement {
  sql: string;
  params: unknown[];
  /** Set when the API runs it as a named prepared statement; the baseline then does too. */
  name?: string;
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

const dataOf = (body: string): unknown => {
  const answer = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
  if (answer.errors?.length) throw new Error(`unexpected answer: ${body.slice(0, 300)}`);
  return answer.data;
};

const at = (value: unknown, path: string[]): unknown => {
  let current = value;
  for (const key of path) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
};

const expectData = (path: string[]) => (body: string) => {
  const value = at(dataOf(body), path);
  if (value === undefined || value === null)
    throw new Error(`unexpected answer: ${body.slice(0, 300)}`);
};

const expect = (condition: boolean, what: string, body: string) => {
  if (!condition) throw new Error(`${what}: ${body.slice(0, 500)}`);
};

/** A baseline that runs fixed statements one after another and answers from their results. */
const sequential = (
  statements: (context: BenchContext) => Statement[],
  respond: (results: pg.QueryResult[]) => unknown,
): Scenario['baseline'] => {
  let prepared: { context: BenchContext; statements: Statement[] } | undefined;
  return {
    handle: async (db, context) => {
      if (prepared?.context !== context) prepared = { context, statements: statements(context) };
      const results: pg.QueryResult[] = [];
      for (const { name, sql, params } of prepared.statements) {
        results.push(await db.query({ name, text: sql, values: params }));
      }
      return respond(results);
    },
  };
};

/** The statement the API runs to authenticate a bearer token (one per request). */
export const actorLookup = (
  sessionId: string,
  userId: string,
  organizationId: string,
): Statement => ({
  name: ActorOfSession.name,
  sql: ActorOfSession.text,
  params: [sessionId, userId, organizationId],
});

const learnerLookup = (context: BenchContext) =>
  actorLookup(context.sessionId, context.learnerId, context.organizationId);

const run = (db: pg.Pool | pg.PoolClient, statement: Statement) =>
  db.query({ name: statement.name, text: statement.sql, values: statement.params });

const catalogSelect = `SELECT i.id, i.kind, i.slug, i.parent_slug, i.organization_id, v.version, v.id AS version_id,
       v.content
  FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
 WHERE i.retired_at IS NULL AND (i.organization_id IS NULL OR i.organization_id = $1)`;

export const COURSE_SLUG = 'safe-use-of-generative-ai';

export const DASHBOARD_QUERY =
  '{ myLearning { overdueCount enrollments { id title state dueAt partsTotal partsDone nextLesson { slug title } } recentResults { kind title score } } }';

export const MOCK_EXAM_QUERY =
  'mutation M($track: String!) { startMockExam(trackSlug: $track) { id status questions { id domain stem options { id text } } } }';

export const SUBMIT_QUERY =
  'mutation Submit($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { __typename ... on QuizAttemptGraded { attempt { id status result { score passed attemptsUsed } } } ... on AttemptAlreadyGraded { attemptId } } }';

/** EnrollmentState as GraphQL names it (the API derives OVERDUE from the due date). */
const stateOf = (status: string, dueAt: Date | null): string =>
  (status === 'not-started' || status === 'in-progress') && dueAt && dueAt < new Date()
    ? 'OVERDUE'
    : status.toUpperCase().replace('-', '_');

/**
 * The dashboard as the API computes it (LearnerDashboardService.dashboard), on the same three
 * statements taken from it (product-sql.ts): enrollments and recent results at once, then the
 * titles of the next lessons.
 */
async function dashboardBaseline(db: pg.Pool, context: BenchContext): Promise<unknown> {
  const { organizationId, learnerId, sql } = context;
  await run(db, learnerLookup(context));
  const [{ rows }, recent] = await Promise.all([
    db.query<EnrollmentRow>({
      name: sql.dashboardEnrollments.name,
      text: sql.dashboardEnrollments.text,
      values: [organizationId, learnerId],
    }),
    db.query<{ kind: string; title: string | null; score: number | null }>({
      name: sql.dashboardRecentResults.name,
      text: sql.dashboardRecentResults.text,
      values: [organizationId, learnerId],
    }),
  ]);
  const summaries = rows.map(toEnrollmentSummary);
  const next = new Map<string, string>();
  for (const summary of summaries) {
    const slug = summary.status === 'completed' ? null : nextLessonSlug(summary);
    if (slug) next.set(summary.id, slug);
  }
  const slugs = [...new Set(next.values())];
  const titles =
    slugs.length === 0
      ? []
      : (
          await db.query<{ slug: string; title: string }>({
            name: sql.dashboardLessonTitles.name,
            text: sql.dashboardLessonTitles.text,
            values: [organizationId, slugs],
          })
        ).rows;
  const titleOf = new Map(titles.map((row) => [row.slug, row.title]));
  const enrollments = summaries.map((summary) => {
    const done = new Set(summary.partsDone);
    const slug = next.get(summary.id);
    return {
      id: summary.id,
      title: summary.title,
      state: stateOf(summary.status, summary.dueAt),
      dueAt: summary.dueAt,
      partsTotal: summary.parts.length,
      partsDone: summary.parts.filter((part) => done.has(part)).length,
      nextLesson: slug ? { slug, title: titleOf.get(slug) ?? slug } : null,
    };
  });
  return {
    data: {
      myLearning: {
        overdueCount: enrollments.filter((enrollment) => enrollment.state === 'OVERDUE').length,
        enrollments,
        recentResults: recent.rows.map((row) => ({
          kind: row.kind,
          title: row.title ?? '',
          score: row.score,
        })),
      },
    },
  };
}

interface SubmitInput {
  attemptId: string;
  answers: { questionId: string; optionIds: string[] }[];
  idempotencyKey: string;
}

interface AttemptRow {
  id: string;
  enrollment_id: string;
  number: number;
  status: string;
  quiz_version_id: string;
  questions: { slug: string; versionId: string }[];
  answers: Record<string, string[]>;
}

/**
 * Versions by id, kept for the life of the process as the API's LearningCatalog keeps them (a
 * version never changes): only misses are read, with the product's versionsByIds statement.
 */
const versionCache = new Map<
  string,
  { organization_id: string | null; content: Record<string, unknown> }
>();

async function versions(
  client: pg.PoolClient,
  sql: string,
  organizationId: string,
  ids: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const missing = ids.filter((id) => !versionCache.has(id));
  if (missing.length > 0) {
    const { rows } = await client.query<{
      version_id: string;
      organization_id: string | null;
      content: Record<string, unknown>;
    }>(sql, [organizationId, missing]);
    for (const row of rows) versionCache.set(row.version_id, row);
  }
  const found = new Map<string, Record<string, unknown>>();
  for (const id of ids) {
    const version = versionCache.get(id);
    if (version && (version.organization_id === null || version.organization_id === organizationId))
      found.set(id, version.content);
  }
  return found;
}

/**
 * submitQuizAttempt in bare SQL, as QuizAttemptService.submit and AttemptGrader do it: the
 * actor of the token (its claims decoded, the signature not checked); the attempt read without a
 * lock, its versions (cached), the grade computed by the product's gradeAnswers; a fail written
 * by one conditional UPDATE; a pass written in a transaction with the enrollment locked and the
 * completion check's two reads (their text taken from CompletionService, product-sql.ts).
 * Seeded enrollments never complete here.
 */
async function submitBaseline(
  db: pg.Pool,
  context: BenchContext,
  request: BaselineRequest,
): Promise<unknown> {
  const { completion } = context.sql;
  if (!completion) throw new Error('the completion SQL was not captured (submit setup)');
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    org: string;
    sid: string;
  };
  const input = (JSON.parse(request.body) as { variables: { input: SubmitInput } }).variables.input;
  await run(db, actorLookup(claims.sid, claims.sub, claims.org));
  const alreadyGraded = {
    data: { submitQuizAttempt: { __typename: 'AttemptAlreadyGraded', attemptId: input.attemptId } },
  };
  const { rows } = await db.query<AttemptRow>({
    ...AttemptStatements.own,
    values: [input.attemptId, claims.org, claims.sub],
  });
  const attempt = rows[0];
  if (!attempt) throw new Error('No such attempt.');
  if (attempt.status !== 'in-progress') return alreadyGraded;
  const client = await db.connect();
  try {
    const content = await versions(client, context.sql.versionsByIds, claims.org, [
      attempt.quiz_version_id,
      ...attempt.questions.map((question) => question.versionId),
    ]);
    const answers = { ...attempt.answers };
    for (const answer of input.answers) answers[answer.questionId] = answer.optionIds;
    const keys = attempt.questions.map((question) => ({
      ...(content.get(question.versionId) as unknown as AnswerKey),
      slug: question.slug,
    }));
    const passingScore = Number(content.get(attempt.quiz_version_id)?.passingScore);
    const grade = gradeAnswers(keys, answers, passingScore);
    if (grade.passed) await client.query('START TRANSACTION');
    const updated = await client.query({
      ...AttemptStatements.grade,
      values: [
        attempt.id,
        new Date(),
        'submission',
        grade.score,
        grade.passed,
        JSON.stringify(grade.correctness),
        input.idempotencyKey,
        JSON.stringify(answers),
      ],
    });
    if (grade.passed) {
      if (updated.rowCount) {
        const enrollment = await client.query<{ id: string; item_slug: string }>({
          ...AttemptStatements.lockEnrollment,
          values: [attempt.enrollment_id],
        });
        const row = enrollment.rows[0];
        if (row) {
          await client.query({ ...completion.course, values: [claims.org, row.item_slug] });
          await client.query({ ...completion.state, values: [row.id] });
        }
      }
      await client.query('COMMIT');
    }
    if (!updated.rowCount) return alreadyGraded;
    return {
      data: {
        submitQuizAttempt: {
          __typename: 'QuizAttemptGraded',
          attempt: {
            id: attempt.id,
            status: 'GRADED',
            result: { score: grade.score, passed: grade.passed, attemptsUsed: attempt.number },
          },
        },
      },
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export const scenarios: Scenario[] = [
  {
    name: 'server-info',
    description: 'GraphQL `serverInfo { version commit uptimeSeconds }`: the pipe without SQL',
    concurrency: 16,
    target: 'no target: the cost of NestJS + Apollo + Fastify over bare node:http',
    request: () => graphql('{ serverInfo { version commit uptimeSeconds } }'),
    check: expectData(['serverInfo', 'version']),
    baseline: sequential(
      () => [],
      () => ({
        data: {
          serverInfo: { version: '0.0.0', commit: 'baseline', uptimeSeconds: process.uptime() },
        },
      }),
    ),
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
    baseline: sequential(
      (context) => [
        learnerLookup(context),
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
      ([, course]) => ({ data: { course: course?.rows } }),
    ),
  },
  {
    name: 'dashboard',
    description:
      'GraphQL `myLearning` (enrollments with state, progress and next lesson; overdue count; recent results) as a learner with 11 enrollments (2 completed, 8 in progress, 1 not started; 3 graded attempts)',
    concurrency: 16,
    target: 'at least 1,000 requests/s with p99 under 25 ms; at most 4 SQL statements per request',
    request: (context) => ({
      ...graphql(DASHBOARD_QUERY, context.learnerToken),
      failIf: ['"errors"'],
    }),
    check: (body) => {
      const dashboard = at(dataOf(body), ['myLearning']) as
        | {
            overdueCount: number;
            enrollments: { partsTotal: number; nextLesson: { title: string } | null }[];
            recentResults: { score: number | null }[];
          }
        | undefined;
      expect(
        dashboard !== undefined &&
          dashboard.enrollments.length >= 9 &&
          dashboard.enrollments.every((enrollment) => enrollment.partsTotal > 0) &&
          dashboard.enrollments.some((enrollment) => enrollment.nextLesson?.title) &&
          dashboard.recentResults.length > 0 &&
          dashboard.overdueCount > 0,
        'the dashboard lacks the seeded enrollments, next lessons, results or overdue ones',
        body,
      );
    },
    baseline: { handle: dashboardBaseline },
  },
  {
    name: 'submit',
    description:
      'GraphQL `submitQuizAttempt` of a different open attempt (8 questions) per request, each by its own learner with a unique idempotency key; answers all right (pass) for about half, half wrong for the rest',
    concurrency: 16,
    target: 'at least 700 requests/s with p99 under 40 ms',
    setup: async ({ db, config, context }) => {
      // Imported here: the baseline server loads this file and needs none of the seeding code.
      const { prepareSubmitFeed } = await import('./submit-feed.js');
      const { captureCompletionSql } = await import('./product-sql.js');
      context.sql.completion = await captureCompletionSql(db, context);
      const started = process.hrtime.bigint();
      context.submitFeed = await prepareSubmitFeed(db, config, context, SUBMIT_QUERY);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return `${context.submitFeed.lines.toLocaleString('en')} open attempts (with their learners' sessions and tokens) seeded in ${seconds.toFixed(1)} s`;
    },
    request: (context) => {
      if (!context.submitFeed) throw new Error('the submit scenario was not set up');
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        feed: context.submitFeed,
        failIf: ['"errors"', 'AttemptAlreadyGraded'],
      };
    },
    check: (body) => {
      const result = at(dataOf(body), ['submitQuizAttempt']) as
        | {
            __typename: string;
            attempt?: { status: string; result: { score: number; attemptsUsed: number } | null };
          }
        | undefined;
      expect(
        result?.__typename === 'QuizAttemptGraded' &&
          result.attempt?.status === 'GRADED' &&
          typeof result.attempt.result?.score === 'number' &&
          result.attempt.result.attemptsUsed >= 1,
        'the submission was not graded',
        body,
      );
    },
    baseline: { handle: submitBaseline },
  },
  {
    name: 'mock-exam',
    description:
      "GraphQL `startMockExam` of a certification-prep track whose bank holds 5,000 questions in five domains (weights 30/25/20/15/10): a new 150-question exam per request, each by its own learner (their first, so never a resume), split by largest remainder, sampled by the database with unseen questions first, stored, and returned with stems and options; baseline: the same statements (the reads recorded from the product) and the product's option shuffle",
    concurrency: 2,
    target: 'p99 under 50 ms',
    setup: async ({ db, config, context }) => {
      // Imported here: the baseline server loads this file and needs none of the seeding code.
      const { captureMockExamSql, prepareMockExamFeed } = await import('./mock-exam-feed.js');
      context.mockExamSql = await captureMockExamSql();
      const started = process.hrtime.bigint();
      context.mockExamFeed = await prepareMockExamFeed(db, config, context, MOCK_EXAM_QUERY);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return `a 5,000-question bank and ${context.mockExamFeed.lines.toLocaleString('en')} learners' sessions and tokens seeded in ${seconds.toFixed(1)} s`;
    },
    request: (context) => {
      if (!context.mockExamFeed) throw new Error('the mock-exam scenario was not set up');
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        feed: context.mockExamFeed,
        failIf: ['"errors"'],
      };
    },
    check: (body) => {
      const exam = at(dataOf(body), ['startMockExam']) as
        { status: string; questions: { id: string; domain: string }[] } | undefined;
      const perDomain = (domain: string) =>
        exam?.questions.filter((question) => question.domain === domain).length;
      expect(
        exam?.status === 'IN_PROGRESS' &&
          new Set(exam.questions.map((question) => question.id)).size === 150 &&
          perDomain('governance') === 45 &&
          perDomain('risk') === 38 &&
          perDomain('architecture') === 30 &&
          perDomain('operations') === 22 &&
          perDomain('development') === 15,
        'the exam does not follow the blueprint',
        body,
      );
    },
    baseline: {
      handle: async (db, context, request) =>
        (await import('./mock-exam-baseline.js')).mockExamBaseline(
          db,
          context,
          request,
          (...ids) => {
            const statement = actorLookup(...ids);
            return { name: statement.name, text: statement.sql, values: statement.params };
          },
        ),
    },
  },
];

export const timedScenarios: TimedScenario[] = [
  {
    name: 'assign',
    description:
      'GraphQL `assignLearning` of one course (due within 30 days) to a group of all 10,000 learners, as an administrator; 3 runs, each on a course no one has; baseline: the same work on a bare pg client, 5 statements in one transaction (BEGIN, the assignment row, the group members, the INSERT ... SELECT of the product EnrollmentWriter itself, COMMIT), undone before the API run on the same course',
    target: 'under 2 s',
    run: async (bench) => (await import('./assign.js')).timeAssignments(bench),
  },
  {
    name: 'relay',
    description:
      'the outbox relay (product OutboxLedger + OutboxRelay) handing 10,000 due reminder digests to BullMQ: claiming UPDATEs in batches of 1,000 and addBulk with jobId = row id; 3 runs; baseline: BullMQ addBulk of the same 10,000 jobs alone',
    target: 'under 1.5 s',
    run: async (bench) => (await import('./outbox.js')).timeRelay(bench),
  },
  {
    name: 'deliver',
    description: `the worker (child process; SMTP_POOL_SIZE ${SMTP_CONNECTIONS}, WORKER_CONCURRENCY ${CONCURRENT_JOBS}; an smtp-server sink in the bench process) delivering 3,000 due reminder digests, each gathered, rendered and sent by email and in-app, timed from its first email to its last (start-up apart, in the note); 3 runs; baseline: nodemailer alone sending 3,000 emails of the same size over the same ${SMTP_CONNECTIONS} connections, ${CONCURRENT_JOBS} at a time`,
    target: 'at least 300 emails/s: 3,000 in under 10 s',
    run: async (bench) => (await import('./outbox.js')).timeDelivery(bench),
  },
  {
    name: 'drill-decisions',
    description:
      'GraphQL `submitDrillDecision` by 200 participants of one running per-participant drill at the same moment, for each of its 7 decisions (a burst of 200 requests, timed); baseline: the same two statements per answer (the session check, the product statement that records the answer with its context) on a bare pg pool, 200 at once, on a second run',
    target: 'p99 under 100 ms per request (see the note)',
    run: async (bench) => (await import('./drills.js')).timeDrillDecisions(bench),
  },
  {
    name: 'drill-inject',
    description:
      "200 participants subscribed to `drillInjectReleased` over graphql-ws; the product InjectReleaser releases each of 7 injects (after one unmeasured release that proves every subscription) and each client's arrival is timed from the recorded release time; the figure is the slowest client per inject; baseline: a bare ws server relaying one Redis publish to 200 plain WebSocket clients",
    target: 'every client within 1 s of the release',
    run: async (bench) => (await import('./drills.js')).timeInjectFanOut(bench),
  },
];
