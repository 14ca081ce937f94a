import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@academy/common';
import { AccessTokens } from '@academy/identity';
import type pg from 'pg';
import type { MockExamSql } from './mock-exam-feed.js';
import type { ProductSql } from './product-sql.js';
import type { Feed } from './scenarios.js';

/** What the scenarios need from the seeded data. */
export interface BenchContext {
  organizationId: string;
  /** learner1: about ten enrollments, some in progress, some done, some overdue. */
  learnerId: string;
  sessionId: string;
  learnerToken: string;
  /** An administrator of the organization (assigns learning). */
  adminId: string;
  adminToken: string;
  /** A group of all the organization's learners. */
  everyoneGroupId: string;
  /** Courses no one is enrolled in: the assign scenario assigns them, one per run. */
  unassignedCourses: string[];
  /** Product SQL as it ran (product-sql.ts), so that the baseline runs the very same text. */
  sql: ProductSql;
  /** The submit scenario's requests, one per line (written by its setup). */
  submitFeed?: Feed;
  /** The mock-exam scenario's requests and the product SQL its baseline runs (its setup). */
  mockExamFeed?: Feed;
  mockExamSql?: MockExamSql;
}

export const LEARNERS = 10_000;
/** Enrollments per learner: 2 completed, 8 in progress, 1 not started. */
export const ENROLLMENTS_PER_LEARNER = 11;
/** Courses kept out of the seeded enrollments for the assign scenario's runs. */
const COURSES_FOR_ASSIGN = 3;

/** One shipped course with what seeding needs of it (its first quiz). */
export interface SeedCourse {
  idx: number;
  slug: string;
  lessons: string[];
  quiz_slug: string;
  quiz_version_id: string;
  draw: number;
  passing_score: number;
  time_limit_minutes: number | null;
}

/**
 * After a bulk write: statistics for every table (the curriculum import leaves the catalog
 * unanalyzed, and autovacuum would only catch up a minute later, in the middle of a scenario),
 * and a checkpoint, so the next scenario does not pay for flushing the seeding's pages.
 */
export async function settle(db: pg.ClientBase): Promise<void> {
  await db.query('ANALYZE');
  // Needs superuser or pg_checkpoint: without them the scenario just shares the flush.
  await db.query('CHECKPOINT').catch(() => undefined);
}

/** Logs the time each step of a seeding took, on stderr beside the harness's progress. */
export function timer(what: string): (step: string) => void {
  let last = process.hrtime.bigint();
  return (step) => {
    const now = process.hrtime.bigint();
    process.stderr.write(`${what}: ${step} ${(Number(now - last) / 1e9).toFixed(2)} s\n`);
    last = now;
  };
}

export function accessTokens(config: AppConfig): AccessTokens {
  // Long enough for a whole run: a token must not expire between scenarios.
  return new AccessTokens({ ...config, ACCESS_TOKEN_TTL_SECONDS: 4 * 3600 });
}

/**
 * An organization of 10,000 learners and an administrator, written with set-based SQL, a group
 * of all the learners, and open sessions of the first learner and of the administrator with
 * access tokens signed as the API signs them.
 */
export async function seedLearners(
  db: pg.Pool,
  config: AppConfig,
): Promise<Omit<BenchContext, 'unassignedCourses' | 'sql'>> {
  const organizationId = randomUUID();
  await db.query(
    `INSERT INTO organizations (id, name, slug, timezone, locale, settings)
     VALUES ($1, 'Bench Org', $2, 'UTC', 'en', '{"requireMfaForPrivilegedRoles": false}')`,
    [organizationId, `bench-${organizationId.slice(0, 8)}`],
  );
  await db.query(
    `INSERT INTO users (organization_id, email, display_name, role, status)
     SELECT $1, 'learner' || n || '@bench.test', 'Learner ' || n, 'LEARNER', 'ACTIVE'
       FROM generate_series(1, $2) AS n`,
    [organizationId, LEARNERS],
  );
  const { rows: admins } = await db.query<{ id: string }>(
    `INSERT INTO users (organization_id, email, display_name, role, status)
     VALUES ($1, 'admin@bench.test', 'Bench Admin', 'ADMIN', 'ACTIVE') RETURNING id`,
    [organizationId],
  );
  const { rows: groups } = await db.query<{ id: string }>(
    `INSERT INTO groups (organization_id, name, kind, description)
     VALUES ($1, 'Everyone', 'OTHER', 'All learners of the benchmark') RETURNING id`,
    [organizationId],
  );
  const everyoneGroupId = groups[0]?.id ?? '';
  await db.query(
    `INSERT INTO group_members (group_id, user_id, organization_id)
     SELECT $2, id, organization_id FROM users WHERE organization_id = $1 AND role = 'LEARNER'`,
    [organizationId, everyoneGroupId],
  );
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE organization_id = $1 AND email = 'learner1@bench.test'`,
    [organizationId],
  );
  const learnerId = rows[0]?.id ?? '';
  const adminId = admins[0]?.id ?? '';
  const tokens = accessTokens(config);
  const signIn = async (userId: string) => {
    const sessionId = randomUUID();
    await db.query(
      `INSERT INTO sessions (id, organization_id, user_id, last_used_at, expires_at)
       VALUES ($1, $2, $3, now(), now() + interval '1 day')`,
      [sessionId, organizationId, userId],
    );
    const { token } = await tokens.issue({ userId, organizationId, sessionId });
    return { sessionId, token };
  };
  const learner = await signIn(learnerId);
  const admin = await signIn(adminId);
  return {
    organizationId,
    learnerId,
    sessionId: learner.sessionId,
    learnerToken: learner.token,
    adminId,
    adminToken: admin.token,
    everyoneGroupId,
  };
}

/** The shipped courses, in slug order, with their lessons in module order and their quiz. */
export async function shippedCourses(db: pg.ClientBase): Promise<SeedCourse[]> {
  const { rows } = await db.query<Omit<SeedCourse, 'idx'>>(
    `SELECT DISTINCT ON (c.slug) c.slug,
            ARRAY(SELECT l FROM jsonb_array_elements(v.content->'modules') WITH ORDINALITY AS m(module, n),
                                jsonb_array_elements_text(m.module->'lessons') WITH ORDINALITY AS x(l, k)
                   ORDER BY m.n, x.k) AS lessons,
            q.slug AS quiz_slug, qv.id AS quiz_version_id, (qv.content->>'draw')::int AS draw,
            (qv.content->>'passingScore')::int AS passing_score,
            (qv.content->>'timeLimitMinutes')::int AS time_limit_minutes
       FROM catalog_items c
       JOIN catalog_item_versions v ON v.id = c.current_version_id
       JOIN catalog_items q ON q.kind = 'quiz' AND q.parent_slug = c.slug
                           AND q.organization_id IS NULL AND q.retired_at IS NULL
       JOIN catalog_item_versions qv ON qv.id = q.current_version_id
      WHERE c.kind = 'course' AND c.organization_id IS NULL AND c.retired_at IS NULL
      ORDER BY c.slug, q.slug`,
  );
  return rows.map((row, idx) => ({ ...row, idx }));
}

/** Distinct draws of questions per quiz; attempts take one each (see drawOf). */
const DRAWS_PER_QUIZ = 100;

/**
 * The draw an attempt of an enrollment (`e`, a quiz_attempts or enrollments row, and its
 * attempt number) takes: different for each attempt of the same enrollment.
 */
export const drawOf = (enrollmentId: string, attemptNumber: string) =>
  `(get_byte(uuid_send(${enrollmentId}), 2) + ${attemptNumber}) % ${DRAWS_PER_QUIZ}`;

/**
 * Work tables for one seeding transaction (dropped at its commit): the courses with their
 * lessons' current versions; every question of their quizzes with an answer that is right and
 * one that is wrong (another option, or for an ordering question the reverse order); and for
 * each quiz, DRAWS_PER_QUIZ draws of its questions as an attempt holds them (random questions of
 * the quiz's real question versions, options shuffled) with their answers: all right, half right
 * (with correctness and score).
 */
export async function createWorkTables(db: pg.ClientBase, courses: SeedCourse[]): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE bench_courses ON COMMIT DROP AS
     SELECT c.*, ARRAY(SELECT jsonb_array_elements_text(c.lessons)) AS lesson_slugs,
            ARRAY(SELECT i.current_version
                         FROM jsonb_array_elements_text(c.lessons) WITH ORDINALITY AS l(slug, pos)
                         JOIN catalog_items i ON i.kind = 'lesson' AND i.slug = l.slug
                                             AND i.organization_id IS NULL
                        ORDER BY l.pos) AS lesson_versions
       FROM jsonb_to_recordset($1::jsonb) AS c(
         idx int, slug text, lessons jsonb, quiz_slug text, quiz_version_id uuid, draw int,
         passing_score int, time_limit_minutes int)`,
    [JSON.stringify(courses)],
  );
  const options = (filter: string, order: string) =>
    `(SELECT jsonb_agg(x.o->'id' ORDER BY x.n ${order})
        FROM jsonb_array_elements(v.content->'options') WITH ORDINALITY AS x(o, n) ${filter})`;
  await db.query(
    `CREATE TEMP TABLE bench_questions ON COMMIT DROP AS
     SELECT i.parent_slug AS quiz_slug, i.slug, v.id AS version_id, v.content->>'type' AS type,
            ${options('', '')} AS option_ids,
            CASE WHEN v.content->>'type' = 'ordering' THEN ${options('', '')}
                 ELSE ${options(`WHERE (x.o->>'correct')::boolean`, '')} END AS correct,
            CASE WHEN v.content->>'type' = 'ordering' THEN ${options('', 'DESC')}
                 ELSE coalesce(
                   (SELECT jsonb_build_array(x.o->'id')
                      FROM jsonb_array_elements(v.content->'options') WITH ORDINALITY AS x(o, n)
                     WHERE NOT coalesce((x.o->>'correct')::boolean, false) ORDER BY x.n LIMIT 1),
                   ${options(`WHERE (x.o->>'correct')::boolean`, '')}) END AS wrong
       FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
      WHERE i.kind = 'question' AND i.organization_id IS NULL AND i.retired_at IS NULL
        AND i.parent_slug IN (SELECT quiz_slug FROM bench_courses)`,
  );
  await db.query('CREATE INDEX ON bench_questions (quiz_slug)');
  await db.query('CREATE INDEX ON bench_questions (version_id)');
  await db.query('ANALYZE bench_questions');
  await db.query(
    `CREATE TEMP TABLE bench_draws ON COMMIT DROP AS
     SELECT c.quiz_slug, g.n AS draw_no, d.questions, s.*
       FROM bench_courses c
      CROSS JOIN generate_series(0, ${DRAWS_PER_QUIZ - 1}) AS g(n)
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(jsonb_build_object('slug', p.slug, 'versionId', p.version_id, 'type', p.type,
                 'optionOrder', (SELECT jsonb_agg(o ORDER BY random()) FROM jsonb_array_elements(p.option_ids) AS o))
                 ORDER BY random()) AS questions
          FROM (SELECT * FROM bench_questions p
                 WHERE p.quiz_slug = c.quiz_slug AND g.n >= 0 -- one draw per (quiz, n), not per quiz
                 ORDER BY random() LIMIT c.draw) p) d
      CROSS JOIN LATERAL (
        SELECT jsonb_object_agg(q.x->>'slug', p.correct) AS right_answers,
               jsonb_object_agg(q.x->>'slug', true) AS right_correctness,
               jsonb_object_agg(q.x->>'slug', CASE WHEN q.n % 2 = 0 THEN p.correct ELSE p.wrong END)
                 AS half_answers,
               jsonb_object_agg(q.x->>'slug', q.n % 2 = 0 OR p.wrong = p.correct) AS half_correctness,
               (100 * count(*) FILTER (WHERE q.n % 2 = 0 OR p.wrong = p.correct) / count(*))::int
                 AS half_score
          FROM jsonb_array_elements(d.questions) WITH ORDINALITY AS q(x, n)
          JOIN bench_questions p ON p.version_id = (q.x->>'versionId')::uuid) s`,
  );
  await db.query('CREATE UNIQUE INDEX ON bench_draws (quiz_slug, draw_no)');
  await db.query('ANALYZE bench_courses, bench_draws');
}

/**
 * Each learner's enrollments in real courses (each under an assignment of its course), with
 * lesson progress and graded quiz attempts, in set-based statements of one transaction:
 * of 11 enrollments per learner, one completed 10 days ago, one 90 days ago (with every lesson
 * and a passed attempt), eight in progress (one to three lessons done, the next one opened, a
 * quarter of them after a failed attempt) and one not started; about a third are overdue.
 * Returns the courses kept out of the enrollments, for the assign scenario.
 */
export async function seedLearning(
  db: pg.Pool,
  context: Pick<BenchContext, 'organizationId' | 'adminId'>,
): Promise<{ unassignedCourses: string[] }> {
  const client = await db.connect();
  const timed = timer('Seeding learning');
  try {
    await client.query('START TRANSACTION');
    const all = await shippedCourses(client);
    const enrolled = all.slice(0, Math.max(0, all.length - COURSES_FOR_ASSIGN));
    const perLearner = Math.min(ENROLLMENTS_PER_LEARNER, enrolled.length);
    if (perLearner < 3) throw new Error(`too few courses to seed (${all.length})`);
    await createWorkTables(client, enrolled);
    timed('work tables and question draws');
    const params = [context.organizationId];
    // One assignment per course, due on a date: every third course is past due.
    await client.query(
      `ALTER TABLE bench_courses ADD COLUMN assignment_id uuid, ADD COLUMN due_at timestamptz`,
    );
    await client.query(
      `WITH made AS (
         INSERT INTO assignments (organization_id, item_kind, item_slug, due_at, created_by, created_at)
         SELECT $1, 'course', c.slug,
                now() + make_interval(days => (c.idx % 3) * 21 - 14), $2, now() - interval '120 days'
           FROM bench_courses c
         RETURNING id, item_slug, due_at)
       UPDATE bench_courses c SET assignment_id = made.id, due_at = made.due_at
         FROM made WHERE made.item_slug = c.slug`,
      [context.organizationId, context.adminId],
    );
    // Enrollments and their lesson progress in one statement: lessons before the resume point
    // are done, the resume lesson is opened; completed courses have every lesson done.
    const last = perLearner - 1;
    await client.query(
      `WITH made AS (
         INSERT INTO enrollments (organization_id, user_id, item_kind, item_slug, assignment_id,
                                  status, due_at, enrolled_at, started_at, completed_at,
                                  resume_lesson_slug)
         SELECT $1, u.id, 'course', c.slug, c.assignment_id,
                CASE WHEN k < 2 THEN 'completed' WHEN k < ${last} THEN 'in-progress'
                     ELSE 'not-started' END,
                c.due_at, now() - interval '120 days',
                CASE WHEN k < ${last} THEN now() - interval '110 days' + make_interval(days => k) END,
                CASE k WHEN 0 THEN now() - interval '10 days' WHEN 1 THEN now() - interval '90 days' END,
                CASE WHEN k >= 2 AND k < ${last} THEN
                  c.lesson_slugs[2 + (u.n + k) % greatest(1, least(3, cardinality(c.lesson_slugs) - 1))]
                END
           FROM (SELECT id, replace(split_part(email, '@', 1), 'learner', '')::int AS n
                   FROM users WHERE organization_id = $1 AND role = 'LEARNER') u
          CROSS JOIN generate_series(0, ${last}) AS k
           JOIN bench_courses c ON c.idx = (u.n + k) % ${enrolled.length}
         RETURNING id, item_slug, status, started_at, resume_lesson_slug)
       INSERT INTO lesson_progress (organization_id, enrollment_id, lesson_slug, lesson_version,
                                    started_at, last_opened_at, completed_at, seconds_spent)
       SELECT $1, m.id, c.lesson_slugs[pos + 1], c.lesson_versions[pos + 1],
              m.started_at + make_interval(days => pos), m.started_at + make_interval(days => pos),
              CASE WHEN m.status = 'completed' OR pos < r.resume
                   THEN m.started_at + make_interval(days => pos, mins => 20) END,
              CASE WHEN m.status = 'completed' OR pos < r.resume THEN 600 + 60 * pos ELSE 120 END
         FROM made m
         JOIN bench_courses c ON c.slug = m.item_slug
        CROSS JOIN LATERAL (
          SELECT array_position(c.lesson_slugs, m.resume_lesson_slug) - 1 AS resume) r
        CROSS JOIN LATERAL generate_series(0,
                CASE m.status WHEN 'completed' THEN cardinality(c.lesson_slugs) - 1
                              WHEN 'in-progress' THEN r.resume ELSE -1 END) AS pos`,
      params,
    );
    timed('enrollments and lesson progress');
    // Graded attempts: passed for completed courses, failed (half right) for a quarter of those
    // in progress. Answers, correctness and score agree with the drawn questions' keys.
    await client.query(
      `INSERT INTO quiz_attempts (organization_id, user_id, enrollment_id, quiz_slug, quiz_version_id,
                                  number, status, started_at, deadline_at, questions, answers, graded_at,
                                  graded_by, score, passed, correctness, submission_key)
       SELECT e.organization_id, e.user_id, e.id, c.quiz_slug, c.quiz_version_id, 1, 'graded',
              g.at - interval '12 minutes',
              g.at - interval '12 minutes' + make_interval(mins => c.time_limit_minutes),
              d.questions,
              CASE WHEN g.pass THEN d.right_answers ELSE d.half_answers END,
              g.at, 'submission', g.score, g.score >= c.passing_score,
              CASE WHEN g.pass THEN d.right_correctness ELSE d.half_correctness END,
              gen_random_uuid()::text
         FROM enrollments e
         JOIN bench_courses c ON c.slug = e.item_slug
         JOIN bench_draws d ON d.quiz_slug = c.quiz_slug AND d.draw_no = ${drawOf('e.id', '1')}
        CROSS JOIN LATERAL (
          SELECT CASE WHEN e.status = 'completed' THEN e.completed_at - interval '1 hour'
                      ELSE now() - interval '3 days' + make_interval(mins => get_byte(uuid_send(e.id), 1))
                 END AS at,
                 e.status = 'completed' AS pass,
                 CASE WHEN e.status = 'completed' THEN 100 ELSE d.half_score END AS score) g
        WHERE e.organization_id = $1
          AND (e.status = 'completed' OR (e.status = 'in-progress' AND get_byte(uuid_send(e.id), 0) % 4 = 0))`,
      params,
    );
    timed('graded attempts');
    await client.query('COMMIT');
    await settle(client);
    timed('committed, analyzed, checkpointed');
    return { unassignedCourses: all.slice(enrolled.length).map((course) => course.slug) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
