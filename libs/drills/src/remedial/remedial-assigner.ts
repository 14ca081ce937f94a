import { Inject, Injectable } from '@nestjs/common';
import { CatalogReader } from '@academy/catalog';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { Role, type Actor } from '@academy/identity';
import { AssignmentService } from '@academy/learning';
import { DataSource } from 'typeorm';
import type {
  ReportParticipant,
  ReportRemedialAssignment,
} from '../scoring/after-action-report.js';

interface Need {
  userId: string;
  displayName: string;
  lessonSlug: string;
}

/**
 * Closes the loop after a drill: each participant whose choice scored poorly gets the decision's
 * remedial lessons through learning's assignments, due in DRILL_REMEDIAL_DUE_DAYS. Learning
 * assigns courses, so a lesson is assigned as the course that teaches it. The assignments are
 * made on behalf of the person who scheduled the drill (they can see and withdraw them like
 * their own). Each (run, person, lesson) is recorded once: a retry after a crash assigns only
 * what is missing, and learning's one-open-enrollment rule keeps people from a second copy.
 */
@Injectable()
export class RemedialAssigner {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogReader) private readonly catalog: CatalogReader,
    @Inject(AssignmentService) private readonly assignments: AssignmentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assign(
    run: { id: string; organizationId: string; createdBy: string },
    participants: ReportParticipant[],
  ): Promise<ReportRemedialAssignment[]> {
    const needs = this.needs(participants);
    if (needs.length > 0) {
      const done = await this.recorded(run);
      const missing = needs.filter(
        (need) =>
          !done.some((row) => row.userId === need.userId && row.lessonSlug === need.lessonSlug),
      );
      if (missing.length > 0) await this.assignMissing(run, missing);
    }
    return this.recorded(run);
  }

  private needs(participants: ReportParticipant[]): Need[] {
    return participants.flatMap((participant) => {
      const lessons = new Set(participant.poorChoices.flatMap((choice) => choice.remedialLessons));
      return [...lessons].map((lessonSlug) => ({
        userId: participant.userId,
        displayName: participant.displayName,
        lessonSlug,
      }));
    });
  }

  private async assignMissing(
    run: { id: string; organizationId: string; createdBy: string },
    missing: Need[],
  ): Promise<void> {
    const lessons = await this.catalog.bySlugs(run.organizationId, 'lesson', [
      ...new Set(missing.map((need) => need.lessonSlug)),
    ]);
    const courseOf = new Map(lessons.map((lesson) => [lesson.slug, lesson.parentSlug]));
    const byCourse = new Map<string, Need[]>();
    for (const need of missing) {
      const course = courseOf.get(need.lessonSlug);
      // A lesson retired from the catalog since the scenario was written cannot be assigned.
      if (course) byCourse.set(course, [...(byCourse.get(course) ?? []), need]);
    }
    if (byCourse.size === 0) return;
    const scheduler = this.schedulerOf(run);
    for (const [courseSlug, needs] of byCourse) {
      const { assignment } = await this.assignments.assign(
        scheduler,
        {
          itemKind: 'course',
          itemSlug: courseSlug,
          userIds: [...new Set(needs.map((need) => need.userId))],
          dueWithinDays: this.config.DRILL_REMEDIAL_DUE_DAYS,
        },
        { requestId: null, clientAddress: null, userAgent: null },
      );
      await this.dataSource.query(
        `INSERT INTO drill_remedial_assignments
           (organization_id, run_id, user_id, lesson_slug, course_slug, assignment_id, assigned_at)
         SELECT $1, $2, need.user_id, need.lesson_slug, $3, $4, now()
           FROM unnest($5::uuid[], $6::text[]) AS need(user_id, lesson_slug)
         ON CONFLICT (run_id, user_id, lesson_slug) DO NOTHING`,
        [
          run.organizationId,
          run.id,
          courseSlug,
          assignment.id,
          needs.map((need) => need.userId),
          needs.map((need) => need.lessonSlug),
        ],
      );
    }
  }

  /**
   * The person who scheduled the drill, with the authority they scheduled it with: only admins
   * schedule drills, and a scheduler demoted or deactivated since must not leave the run
   * without its report (learning would refuse them people outside their reporting line).
   */
  private schedulerOf(run: { organizationId: string; createdBy: string }): Actor {
    return {
      kind: 'USER',
      id: run.createdBy,
      organizationId: run.organizationId,
      role: Role.ADMIN,
      mustEnrolMfa: false,
    };
  }

  private async recorded(run: { id: string; organizationId: string }) {
    const rows = await this.dataSource.query<
      {
        user_id: string;
        display_name: string;
        lesson_slug: string;
        course_slug: string;
        assignment_id: string;
      }[]
    >(
      `SELECT a.user_id, u.display_name, a.lesson_slug, a.course_slug, a.assignment_id
         FROM drill_remedial_assignments a JOIN users u ON u.id = a.user_id
        WHERE a.organization_id = $1 AND a.run_id = $2 ORDER BY u.display_name, a.lesson_slug`,
      [run.organizationId, run.id],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      lessonSlug: row.lesson_slug,
      courseSlug: row.course_slug,
      assignmentId: row.assignment_id,
    }));
  }
}
