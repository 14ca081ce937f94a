import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import type { Actor } from '@academy/identity';
import {
  ENROLLMENT_SUMMARY_SELECT,
  nextLessonSlug,
  toEnrollmentSummary,
  type EnrollmentRow,
  type EnrollmentSummary,
} from './enrollment-summary.js';
import { LearningErrors } from '../learning.errors.js';

export interface RecentResult {
  kind: 'quiz-attempt' | 'certificate';
  id: string;
  title: string;
  at: Date;
  score: number | null;
  passed: boolean | null;
  serial: string | null;
}

export interface Dashboard {
  enrollments: EnrollmentSummary[];
  nextLessons: Map<string, { slug: string; title: string }>;
  recentResults: RecentResult[];
}

/**
 * A learner's dashboard in three statements, whatever the number of enrollments: open and
 * recently completed enrollments with progress; the titles of their next lessons; recent quiz
 * results and certificates. Prepared, because every learner opens it first. Also one
 * enrollment of the learner's, as a step in it leaves it.
 */
@Injectable()
export class LearnerDashboardService {
  constructor(@Inject(PreparedQueries) private readonly prepared: PreparedQueries) {}

  async dashboard(actor: Actor): Promise<Dashboard> {
    const [rows, recentResults] = await Promise.all([
      this.prepared.query<EnrollmentRow>(
        'learning.dashboard-enrollments',
        `${ENROLLMENT_SUMMARY_SELECT}
          WHERE e.organization_id = $1 AND e.user_id = $2
            AND (e.status IN ('not-started', 'in-progress')
                 OR (e.status = 'completed' AND e.completed_at > now() - interval '30 days'))
          ORDER BY e.status = 'completed', e.due_at NULLS LAST, e.enrolled_at`,
        [actor.organizationId, actor.id],
      ),
      this.recentResults(actor),
    ]);
    const enrollments = rows.map(toEnrollmentSummary);
    return {
      enrollments,
      nextLessons: await this.nextLessons(actor.organizationId, enrollments),
      recentResults,
    };
  }

  /** One of the actor's own enrollments with its next lesson (after a step was taken in it). */
  async enrollment(actor: Actor, enrollmentId: string) {
    const rows = await this.prepared.query<EnrollmentRow>(
      'learning.own-enrollment',
      `${ENROLLMENT_SUMMARY_SELECT} WHERE e.organization_id = $1 AND e.user_id = $2 AND e.id = $3`,
      [actor.organizationId, actor.id, enrollmentId],
    );
    const summaries = rows.map(toEnrollmentSummary);
    const next = await this.nextLessons(actor.organizationId, summaries);
    const [summary] = summaries;
    if (!summary) throw new DomainError(LearningErrors.NOT_FOUND, 'No such enrollment.');
    return { summary, next: next.get(summary.id) ?? null };
  }

  /** The next lesson (slug and title) of each open course enrollment, in one query. */
  private async nextLessons(organizationId: string, enrollments: EnrollmentSummary[]) {
    const next = new Map<string, string>();
    for (const enrollment of enrollments) {
      const slug = enrollment.status === 'completed' ? null : nextLessonSlug(enrollment);
      if (slug) next.set(enrollment.id, slug);
    }
    const titles = await this.lessonTitles(organizationId, [...new Set(next.values())]);
    return new Map([...next].map(([id, slug]) => [id, { slug, title: titles.get(slug) ?? slug }]));
  }

  private async lessonTitles(organizationId: string, slugs: string[]) {
    if (slugs.length === 0) return new Map<string, string>();
    const rows = await this.prepared.query<{ slug: string; title: string }>(
      'learning.dashboard-lesson-titles',
      `SELECT DISTINCT ON (i.slug) i.slug, v.content->>'title' AS title
         FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
        WHERE i.kind = 'lesson' AND i.slug = ANY($2::text[]) AND i.retired_at IS NULL
          AND (i.organization_id IS NULL OR i.organization_id = $1)
        ORDER BY i.slug, i.organization_id NULLS LAST`,
      [organizationId, slugs],
    );
    return new Map(rows.map((row) => [row.slug, row.title]));
  }

  private async recentResults(actor: Actor): Promise<RecentResult[]> {
    const rows = await this.prepared.query<{
      kind: RecentResult['kind'];
      id: string;
      title: string | null;
      at: Date;
      score: number | null;
      passed: boolean | null;
      serial: string | null;
    }>(
      'learning.dashboard-recent-results',
      `(SELECT 'quiz-attempt' AS kind, a.id, qv.content->>'title' AS title, a.graded_at AS at,
               a.score, a.passed, NULL AS serial
          FROM quiz_attempts a JOIN catalog_item_versions qv ON qv.id = a.quiz_version_id
         WHERE a.organization_id = $1 AND a.user_id = $2 AND a.status = 'graded'
         ORDER BY a.graded_at DESC LIMIT 5)
       UNION ALL
       (SELECT 'certificate', c.id, c.item_title, c.issued_at, NULL, NULL, c.serial
          FROM certificates c WHERE c.organization_id = $1 AND c.user_id = $2
         ORDER BY c.issued_at DESC LIMIT 5)
       ORDER BY at DESC`,
      [actor.organizationId, actor.id],
    );
    return rows.map((row) => ({ ...row, title: row.title ?? '' }));
  }
}
