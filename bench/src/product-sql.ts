import { CatalogReader } from '@academy/catalog';
import type { PreparedQueries } from '@academy/database';
import type { Actor } from '@academy/identity';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
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
  const dataSource = {
    query: async (text: string, values: unknown[]): Promise<unknown[]> => {
      versionsByIds = text;
      return (await db.query<Record<string, unknown>>(text, values)).rows;
    },
  };
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
