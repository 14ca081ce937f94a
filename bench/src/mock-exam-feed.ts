import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@academy/common';
import type pg from 'pg';
import { AnswerHistory } from '../../libs/certification-prep/src/history/answer-history.js';
import { CatalogReader } from '@academy/catalog';
import type { DataSource, EntityManager } from 'typeorm';
import type { Feed } from './scenarios.js';
import { accessTokens, settle, timer, type BenchContext } from './seed.js';

export const BENCH_PREP_TRACK = 'bench-prep';
const BANK = 'bench-bank';
export const BANK_QUESTIONS = 5_000;
export const EXAM_LENGTH = 150;
/** Five domains of 1,000 questions each, weighted like a real blueprint. */
const DOMAINS = [
  { slug: 'governance', title: 'Governance', weight: 30 },
  { slug: 'risk', title: 'Risk', weight: 25 },
  { slug: 'architecture', title: 'Architecture', weight: 20 },
  { slug: 'operations', title: 'Operations', weight: 15 },
  { slug: 'development', title: 'Development', weight: 10 },
];

/** The SQL of the product's reads that the mock-exam baseline runs (recorded from the product). */
export interface MockExamSql {
  track: string;
  seenQuestions: string;
  sampleQuestions: string;
}

/**
 * Runs the product's readers against a stand-in that records their SQL (and answers nothing),
 * so the baseline runs the very text the API does.
 */
export async function captureMockExamSql(): Promise<MockExamSql> {
  const texts: string[] = [];
  const recorder = {
    query: (text: string) => {
      texts.push(text);
      return Promise.resolve([{}]);
    },
  } as unknown as EntityManager;
  const reader = new CatalogReader({ manager: recorder } as unknown as DataSource, null as never);
  const learner = { organizationId: '', userId: '' };
  await reader.get('', 'track', '', false, recorder);
  await new AnswerHistory(null as never, null as never).seenQuestions(learner, '', recorder);
  await reader.sampleQuestions('', [], [], [], recorder);
  const [track = '', seenQuestions = '', sampleQuestions = ''] = texts;
  return { track, seenQuestions, sampleQuestions };
}

/**
 * A certification-prep track whose bank holds 5,000 single-choice questions in five domains
 * (set-based, straight into the catalog tables as an import writes them), a session and access
 * token for every learner but the dashboard's, and a feed of one startMockExam request per
 * learner: each request draws a new exam (a learner's first), never resumes one.
 */
export async function prepareMockExamFeed(
  db: pg.Pool,
  config: AppConfig,
  context: BenchContext,
  query: string,
): Promise<Feed> {
  const timed = timer('Seeding the mock-exam bank');
  const exam = {
    bank: BANK,
    length: EXAM_LENGTH,
    timeLimitMinutes: 180,
    passingScore: 70,
    domains: DOMAINS,
  };
  await db.query(
    `WITH items AS (
       INSERT INTO catalog_items (kind, slug, parent_slug, current_version_id, current_version, content_hash)
       SELECT 'question', 'bench-q-' || n, $1 || '/' || ($2::text[])[1 + n % 5], gen_random_uuid(), 1, md5(n::text)
         FROM generate_series(1, $3::int) AS n
       RETURNING id, slug, parent_slug, current_version_id)
     INSERT INTO catalog_item_versions (id, item_id, version, content, content_hash)
     SELECT current_version_id, id, 1, jsonb_build_object(
              'id', slug, 'type', 'single-choice',
              'stem', 'Which control best answers scenario ' || slug || '?',
              'difficulty', (ARRAY['easy', 'medium', 'hard'])[1 + abs(hashtext(slug)) % 3],
              'cognitive', 'apply', 'tags', '[]'::jsonb, 'frameworks', '[]'::jsonb,
              'domain', split_part(parent_slug, '/', 2),
              'options', jsonb_build_array(
                jsonb_build_object('id', 'a', 'text', 'The first control', 'correct', true, 'explanation', 'Right.'),
                jsonb_build_object('id', 'b', 'text', 'The second control', 'explanation', 'Wrong.'),
                jsonb_build_object('id', 'c', 'text', 'The third control', 'explanation', 'Wrong.'),
                jsonb_build_object('id', 'd', 'text', 'The fourth control', 'explanation', 'Wrong.')),
              'explanation', 'Because the first control answers it.'), md5(slug)
       FROM items`,
    [BANK, DOMAINS.map((domain) => domain.slug), BANK_QUESTIONS],
  );
  await db.query(
    `WITH track AS (
       INSERT INTO catalog_items (kind, slug, current_version_id, current_version, content_hash)
       VALUES ('track', $1, gen_random_uuid(), 1, md5($1)) RETURNING id, current_version_id)
     INSERT INTO catalog_item_versions (id, item_id, version, content, content_hash)
     SELECT current_version_id, id, 1, $2::jsonb, md5($1) FROM track`,
    [
      BENCH_PREP_TRACK,
      JSON.stringify({
        title: 'Bench certification prep',
        kind: 'certification-prep',
        audience: 'security-professionals',
        summary: 'A 5,000-question bank.',
        courses: [],
        exam,
      }),
    ],
  );
  timed(`${BANK_QUESTIONS} questions`);
  const { rows: sessions } = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO sessions (organization_id, user_id, last_used_at, expires_at)
     SELECT organization_id, id, now(), now() + interval '1 day'
       FROM users WHERE organization_id = $1 AND role = 'LEARNER' AND id <> $2
     RETURNING id, user_id`,
    [context.organizationId, context.learnerId],
  );
  const client = await db.connect();
  try {
    await settle(client);
  } finally {
    client.release();
  }
  timed('sessions, analyzed');
  const tokens = accessTokens(config);
  const path = join(mkdtempSync(join(tmpdir(), 'academy-bench-feed-')), 'mock-exam.txt');
  const file = openSync(path, 'w');
  try {
    const body = JSON.stringify({ query, variables: { track: BENCH_PREP_TRACK } });
    for (let i = 0; i < sessions.length; i += 500) {
      const lines = await Promise.all(
        sessions.slice(i, i + 500).map(async (session) => {
          const { token } = await tokens.issue({
            userId: session.user_id,
            organizationId: context.organizationId,
            sessionId: session.id,
          });
          return `Bearer ${token}\t${body}\n`;
        }),
      );
      writeSync(file, lines.join(''));
    }
  } finally {
    closeSync(file);
  }
  timed('tokens and feed');
  return { path, lines: sessions.length };
}
