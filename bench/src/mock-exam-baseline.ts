import type pg from 'pg';
import { shuffled } from '../../libs/learning/src/quizzes/quiz-draw.js';
import {
  domainCounts,
  type Blueprint,
} from '../../libs/certification-prep/src/blueprints/blueprint.js';
import { drawn } from '../../libs/certification-prep/src/blueprints/question-draw.js';
import type { BaselineRequest } from './scenarios.js';
import type { BenchContext } from './seed.js';

const BENCH_PREP_TRACK = 'bench-prep';

interface SampledRow {
  slug: string;
  parent_slug: string;
  version_id: string;
  content: { type: 'single-choice'; stem: string; options: { id: string; text: string }[] };
}

/**
 * startMockExam in bare SQL, as MockExamService.start does it, with the product's own read
 * statements (recorded from CatalogReader and AnswerHistory) and its option shuffle: the actor
 * of the token (claims decoded, signature not checked), the track, the open-exam check, the
 * learner's seen questions, the sample, and the INSERT that the unique index of open exams keeps
 * to one per person and track (no transaction: the exam is a single row).
 */
export async function mockExamBaseline(
  db: pg.Pool,
  context: BenchContext,
  request: BaselineRequest,
  actorLookup: (sessionId: string, userId: string, organizationId: string) => pg.QueryConfig,
): Promise<unknown> {
  const sql = context.mockExamSql;
  if (!sql) throw new Error('the mock-exam SQL was not captured (mock-exam setup)');
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    org: string;
    sid: string;
  };
  await db.query(actorLookup(claims.sid, claims.sub, claims.org));
  const { rows: tracks } = await db.query<{ version_id: string; content: { exam: Blueprint } }>(
    sql.track,
    [claims.org, 'track', BENCH_PREP_TRACK],
  );
  const track = tracks[0];
  if (!track) throw new Error('no bench track');
  const blueprint = track.content.exam;
  await db.query(
    `SELECT * FROM mock_exams WHERE organization_id = $1 AND user_id = $2 AND track_slug = $3
        AND status = 'in-progress' LIMIT 1`,
    [claims.org, claims.sub, BENCH_PREP_TRACK],
  );
  const { rows: seen } = await db.query<{ question_slug: string }>(sql.seenQuestions, [
    claims.org,
    claims.sub,
    BENCH_PREP_TRACK,
  ]);
  const counts = domainCounts(blueprint);
  const { rows: sampled } = await db.query<SampledRow>(sql.sampleQuestions, [
    claims.org,
    blueprint.domains.map((domain) => `${blueprint.bank}/${domain.slug}`),
    blueprint.domains.map((domain) => counts.get(domain.slug) ?? 0),
    seen.map((row) => row.question_slug),
  ]);
  const questions = shuffled(sampled).map((row) =>
    drawn({
      slug: row.slug,
      domain: row.parent_slug.split('/')[1] ?? '',
      versionId: row.version_id,
      type: row.content.type,
      optionIds: row.content.options.map((option) => option.id),
    }),
  );
  const { rows: inserted } = await db.query<{ id: string }>(
    `INSERT INTO mock_exams (organization_id, user_id, track_slug, track_version_id, status,
                             started_at, deadline_at, questions, answers)
     VALUES ($1, $2, $3, $4, 'in-progress', now(), now() + make_interval(mins => $5), $6, '{}')
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      claims.org,
      claims.sub,
      BENCH_PREP_TRACK,
      track.version_id,
      blueprint.timeLimitMinutes,
      JSON.stringify(questions),
    ],
  );
  const byVersion = new Map(sampled.map((row) => [row.version_id, row.content]));
  return {
    data: {
      startMockExam: {
        id: inserted[0]?.id,
        status: 'IN_PROGRESS',
        questions: questions.map((question) => {
          const content = byVersion.get(question.versionId);
          const optionText = new Map(content?.options.map((option) => [option.id, option.text]));
          return {
            id: question.slug,
            domain: question.domain,
            stem: content?.stem,
            options: question.optionOrder.map((id) => ({ id, text: optionText.get(id) })),
          };
        }),
      },
    },
  };
}
