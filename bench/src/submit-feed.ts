import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@academy/common';
import type pg from 'pg';
import type { Feed } from './scenarios.js';
import {
  accessTokens,
  createWorkTables,
  drawOf,
  settle,
  shippedCourses,
  timer,
  type BenchContext,
} from './seed.js';

/**
 * The submit scenario's data: an open attempt at the quiz of every in-progress enrollment (but
 * the dashboard learner's), questions drawn from the quiz's real question versions, deadlines
 * from the quiz's time limit counted from now; a session and access token for each learner; and
 * a feed file of one submitQuizAttempt request per attempt, `Bearer <token>\t<body>`, with a
 * unique idempotency key and the answers (all right for about half the attempts, so those
 * pass, and half wrong for the others). Lines go round the learners, so that consecutive
 * requests are different people's.
 */
export async function prepareSubmitFeed(
  db: pg.Pool,
  config: AppConfig,
  context: BenchContext,
  query: string,
): Promise<Feed> {
  const client = await db.connect();
  const timed = timer('Seeding open attempts');
  try {
    await client.query('START TRANSACTION');
    await createWorkTables(client, await shippedCourses(client));
    timed('work tables');
    await client.query(
      `INSERT INTO quiz_attempts (organization_id, user_id, enrollment_id, quiz_slug, quiz_version_id,
                                  number, status, started_at, deadline_at, questions, answers)
       SELECT e.organization_id, e.user_id, e.id, c.quiz_slug, c.quiz_version_id, n.number,
              'in-progress', now(), now() + make_interval(mins => c.time_limit_minutes), d.questions,
              '{}'
         FROM enrollments e
         JOIN bench_courses c ON c.slug = e.item_slug
        CROSS JOIN LATERAL (
          SELECT 1 + count(*)::int AS number FROM quiz_attempts x
           WHERE x.enrollment_id = e.id AND x.quiz_slug = c.quiz_slug) n
         JOIN bench_draws d ON d.quiz_slug = c.quiz_slug AND d.draw_no = ${drawOf('e.id', 'n.number')}
        WHERE e.organization_id = $1 AND e.status = 'in-progress' AND e.user_id <> $2
          AND NOT EXISTS (SELECT 1 FROM quiz_attempts o
                           WHERE o.enrollment_id = e.id AND o.quiz_slug = c.quiz_slug
                             AND o.status = 'in-progress')`,
      [context.organizationId, context.learnerId],
    );
    timed('attempts');
    const { rows: sessions } = await client.query<{ id: string; user_id: string }>(
      `INSERT INTO sessions (organization_id, user_id, last_used_at, expires_at)
       SELECT organization_id, id, now(), now() + interval '1 day'
         FROM users WHERE organization_id = $1 AND role = 'LEARNER' AND id <> $2
       RETURNING id, user_id`,
      [context.organizationId, context.learnerId],
    );
    // Answers from each attempt's own questions (not from its draw), right or wrong by attempt.
    const { rows: attempts } = await client.query<{
      id: string;
      user_id: string;
      answers: string;
    }>(
      `SELECT a.id, a.user_id,
              jsonb_agg(jsonb_build_object('questionId', q.x->>'slug', 'optionIds',
                CASE WHEN get_byte(uuid_send(a.id), 0) % 2 = 0 THEN p.correct ELSE p.wrong END)
                ORDER BY q.n)::text AS answers
         FROM (SELECT a.id, a.user_id, a.questions,
                      row_number() OVER (PARTITION BY a.user_id ORDER BY a.id) AS round
                 FROM quiz_attempts a
                WHERE a.organization_id = $1 AND a.status = 'in-progress' AND a.user_id <> $2) a
        CROSS JOIN LATERAL jsonb_array_elements(a.questions) WITH ORDINALITY AS q(x, n)
         JOIN bench_questions p ON p.version_id = (q.x->>'versionId')::uuid
        GROUP BY a.id, a.user_id, a.round
        ORDER BY a.round, a.user_id`,
      [context.organizationId, context.learnerId],
    );
    timed('sessions and answers');
    await client.query('COMMIT');
    await settle(client);
    timed('committed, analyzed, checkpointed');

    const tokens = accessTokens(config);
    const bearer = new Map<string, string>();
    for (let i = 0; i < sessions.length; i += 500) {
      await Promise.all(
        sessions.slice(i, i + 500).map(async (session) => {
          const { token } = await tokens.issue({
            userId: session.user_id,
            organizationId: context.organizationId,
            sessionId: session.id,
          });
          bearer.set(session.user_id, `Bearer ${token}`);
        }),
      );
    }
    timed('tokens');
    const path = join(mkdtempSync(join(tmpdir(), 'academy-bench-feed-')), 'submit.txt');
    const file = openSync(path, 'w');
    try {
      const queryJson = JSON.stringify(query);
      for (let i = 0; i < attempts.length; i += 5000) {
        const chunk = attempts
          .slice(i, i + 5000)
          .map(
            (attempt) =>
              `${bearer.get(attempt.user_id) ?? ''}\t{"query":${queryJson},"variables":{"input":{"attemptId":"${attempt.id}","answers":${attempt.answers},"idempotencyKey":"${randomUUID()}"}}}\n`,
          );
        writeSync(file, chunk.join(''));
      }
    } finally {
      closeSync(file);
    }
    timed('feed written');
    return { path, lines: attempts.length };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
