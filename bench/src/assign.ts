import type { DomainEvents } from '@academy/database';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { EnrollmentWriter } from '../../libs/learning/src/assignments/enrollment-writer.js';
import type { LearningCatalog } from '../../libs/learning/src/content/learning-catalog.js';
import { request } from './http.js';
import { LEARNERS, type BenchContext } from './seed.js';

const ASSIGN = `mutation Assign($input: AssignLearningInput!) {
  assignLearning(input: $input) { peopleEnrolled assignment { id itemSlug dueWithinDays } } }`;

const DUE_WITHIN_DAYS = 30;

type Assignment = Parameters<EnrollmentWriter['enroll']>[1];

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** assignLearning through the API, timed from request to answer. */
async function throughApi(apiUrl: string, context: BenchContext, course: string) {
  const started = process.hrtime.bigint();
  const { body } = await request(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${context.adminToken}`,
    },
    body: JSON.stringify({
      query: ASSIGN,
      variables: {
        input: {
          itemKind: 'COURSE',
          itemSlug: course,
          groupIds: [context.everyoneGroupId],
          dueWithinDays: DUE_WITHIN_DAYS,
        },
      },
    }),
  });
  const elapsed = seconds(started);
  const answer = JSON.parse(body) as {
    data?: { assignLearning?: { peopleEnrolled: number } };
    errors?: unknown[];
  };
  if (answer.errors?.length || answer.data?.assignLearning?.peopleEnrolled !== LEARNERS)
    throw new Error(`assignLearning did not enrol ${LEARNERS} people: ${body.slice(0, 500)}`);
  return elapsed;
}

/**
 * The same work on a bare pg client, in one transaction: the assignment row, the group's
 * members, and the product's EnrollmentWriter (its set-based INSERT ... SELECT ... ON CONFLICT,
 * text and parameters as in the API) with the catalog lookup and event delivery stubbed out.
 * Then undone (untimed), so the API's run on the same course starts from the same state.
 */
async function throughBaseline(db: pg.Pool, context: BenchContext, course: string) {
  const client = await db.connect();
  const manager = {
    query: async (text: string, values: unknown[]): Promise<unknown[]> =>
      (await client.query<Record<string, unknown>>(text, values)).rows,
  } as unknown as EntityManager;
  const catalog = {
    item: (_organizationId: string, kind: 'course', slug: string) =>
      Promise.resolve({ kind, slug, title: slug, version: 1, courseSlugs: [slug] }),
  } as unknown as LearningCatalog;
  const events = { publish: () => Promise.resolve() } as unknown as DomainEvents;
  const writer = new EnrollmentWriter(catalog, events);
  try {
    const started = process.hrtime.bigint();
    await client.query('START TRANSACTION');
    const { rows } = await client.query<{ id: string; created_at: Date }>(
      `INSERT INTO assignments (organization_id, item_kind, item_slug, due_within_days, due_from, created_by)
       VALUES ($1, 'course', $2, $3, 'assignment', $4) RETURNING id, created_at`,
      [context.organizationId, course, DUE_WITHIN_DAYS, context.adminId],
    );
    const { rows: members } = await client.query<{ id: string }>(
      `SELECT DISTINCT user_id AS id FROM group_members
        WHERE organization_id = $1 AND group_id = ANY($2::uuid[])`,
      [context.organizationId, [context.everyoneGroupId]],
    );
    const assignment = {
      id: rows[0]?.id ?? '',
      organizationId: context.organizationId,
      itemKind: 'course',
      itemSlug: course,
      dueAt: null,
      dueWithinDays: DUE_WITHIN_DAYS,
      dueFrom: 'assignment',
    } as Assignment;
    const enrolled = await writer.enroll(
      manager,
      assignment,
      members.map((member) => member.id),
    );
    await client.query('COMMIT');
    const elapsed = seconds(started);
    if (enrolled !== LEARNERS)
      throw new Error(`the baseline enrolled ${enrolled} people, not ${LEARNERS}`);
    await client.query('DELETE FROM enrollments WHERE assignment_id = $1', [assignment.id]);
    await client.query('DELETE FROM assignments WHERE id = $1', [assignment.id]);
    return elapsed;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** One run per course no one has: the baseline first (then undone), then the API. */
export async function timeAssignments(bench: {
  apiUrl: string;
  db: pg.Pool;
  context: BenchContext;
}): Promise<{ api: number[]; baseline: number[] }> {
  const { apiUrl, db, context } = bench;
  if (context.unassignedCourses.length === 0) throw new Error('no course left to assign');
  const api: number[] = [];
  const baseline: number[] = [];
  for (const course of context.unassignedCourses) {
    baseline.push(await throughBaseline(db, context, course));
    await db.query('VACUUM ANALYZE enrollments');
    api.push(await throughApi(apiUrl, context, course));
  }
  return { api, baseline };
}
