import { CatalogReader } from '@academy/catalog';
import type { DomainEvents, PreparedQueries } from '@academy/database';
import type { Actor } from '@academy/identity';
import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { CertificateService } from '../../libs/learning/src/certificates/certificate.service.js';
import { LearningCatalog } from '../../libs/learning/src/content/learning-catalog.js';
import { CompletionService } from '../../libs/learning/src/progress/completion.service.js';
import { LearnerDashboardService } from '../../libs/learning/src/records/learner-dashboard.service.js';

export interface NamedSql {
  /** The prepared statement's name, as the API names it. */
  name: string;
  text: string;
}

/** SQL that the baseline must run exactly as the API does, taken from the product code. */
export interface ProductSql {
  dashboardEnrollments: NamedSql;
  dashboardLessonTitles: NamedSql;
  dashboardRecentResults: NamedSql;
  /** CatalogReader.versionsByIds: the question and quiz versions an attempt drew (unnamed). */
  versionsByIds: string;
  /** CompletionService.completeIfDone's reads, after a passing grade (submit setup only). */
  completion?: { course: NamedSql; state: NamedSql };
}

/** Runs each statement on the bench database and remembers its text by name. */
class RecordingQueries {
  readonly texts = new Map<string, string>();

  constructor(private readonly db: pg.Pool) {}

  async query<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
    this.texts.set(name, text);
    const result = await this.db.query({ text, values });
    return result.rows as Row[];
  }
}

/**
 * Runs the product's own services against the seeded database through recording stand-ins for
 * their database handles, and returns the SQL they sent. The baseline then runs these texts,
 * so a change to the product's SQL changes the baseline too.
 */
export async function captureProductSql(
  db: pg.Pool,
  learner: { organizationId: string; learnerId: string },
): Promise<ProductSql> {
  const recorder = new RecordingQueries(db);
  const dashboards = new LearnerDashboardService(recorder as unknown as PreparedQueries);
  const actor: Actor = {
    kind: 'USER',
    id: learner.learnerId,
    organizationId: learner.organizationId,
    role: 'LEARNER',
    mustEnrolMfa: false,
  };
  const dashboard = await dashboards.dashboard(actor);
  if (dashboard.nextLessons.size === 0)
    throw new Error('the seeded learner has no next lesson: the dashboard SQL was not all seen');

  let versionsByIds = '';
  const handle = {
    query: async (text: string, values: unknown[]): Promise<unknown[]> => {
      versionsByIds = text;
      return (await db.query<Record<string, unknown>>(text, values)).rows;
    },
  };
  // The reader queries through the data source or its manager (or a transaction's manager).
  const dataSource = { ...handle, manager: handle };
  const reader = new CatalogReader(
    dataSource as unknown as DataSource,
    recorder as unknown as PreparedQueries,
  );
  await reader.versionsByIds(learner.organizationId, []);

  const named = (name: string): NamedSql => {
    const text = recorder.texts.get(name);
    if (!text) throw new Error(`the product did not run ${name}`);
    return { name, text };
  };
  return {
    dashboardEnrollments: named('learning.dashboard-enrollments'),
    dashboardLessonTitles: named('learning.dashboard-lesson-titles'),
    dashboardRecentResults: named('learning.dashboard-recent-results'),
    versionsByIds,
  };
}

/**
 * The two reads CompletionService.completeIfDone makes in the grading transaction after a pass
 * (the course outline, then the lessons done and quizzes passed), taken by running it on an
 * in-progress enrollment of the learner with recording stand-ins for its statements. The
 * enrollment is not complete, so it stops there; anything else it used would throw.
 */
export async function captureCompletionSql(
  db: pg.Pool,
  learner: { organizationId: string; learnerId: string },
): Promise<NonNullable<ProductSql['completion']>> {
  const { rows } = await db.query<{ id: string; item_slug: string; status: string }>(
    `SELECT id, item_slug, status FROM enrollments
      WHERE organization_id = $1 AND user_id = $2 AND status = 'in-progress' LIMIT 1`,
    [learner.organizationId, learner.learnerId],
  );
  const row = rows[0];
  if (!row) throw new Error('the seeded learner has no course in progress');
  const recorder = new RecordingQueries(db);
  const unused = new Proxy(
    {},
    {
      get: (_target, property) => {
        throw new Error(`completeIfDone used ${String(property)}: the capture must be updated`);
      },
    },
  );
  const reader = new CatalogReader(
    unused as unknown as DataSource,
    recorder as unknown as PreparedQueries,
  );
  const completion = new CompletionService(
    new LearningCatalog(reader),
    unused as unknown as CertificateService,
    unused as unknown as DomainEvents,
    recorder as unknown as PreparedQueries,
  );
  const enrollment = {
    id: row.id,
    organizationId: learner.organizationId,
    userId: learner.learnerId,
    itemKind: 'course',
    itemSlug: row.item_slug,
    status: row.status,
  } as unknown as Parameters<CompletionService['completeIfDone']>[1];
  const completed = await completion.completeIfDone(unused as unknown as EntityManager, enrollment);
  const [course, state] = [...recorder.texts].map(([name, text]) => ({ name, text }));
  if (completed || recorder.texts.size !== 2 || !course || !state)
    throw new Error(
      `completeIfDone ran ${recorder.texts.size} statements: the capture must be updated`,
    );
  return { course, state };
}
