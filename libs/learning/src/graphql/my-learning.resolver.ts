import { IdArg } from '@academy/common';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  Meta,
  Permission,
  RequirePermission,
  personOf,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { ProgressService, type LessonStep as Step } from '../progress/progress.service.js';
import { LearnerDashboardService } from '../records/learner-dashboard.service.js';
import { CompleteLessonInput } from './learning.inputs.js';
import { OWN_LEARNING, toEnrollment } from './learning.mappers.js';
import { Enrollment, LearnerDashboard, LessonStep } from './learning.objects.js';

/** A learner's own learning: the dashboard, optional enrollment, lessons. */
@Resolver()
export class MyLearningResolver {
  constructor(
    @Inject(LearnerDashboardService) private readonly dashboards: LearnerDashboardService,
    @Inject(ProgressService) private readonly progress: ProgressService,
  ) {}

  @RequirePermission(Permission.SELF)
  @Query(() => LearnerDashboard, {
    description: 'What is assigned and due, progress, the next lesson of each, recent results.',
  })
  async myLearning(@CurrentActor() actor: Actor): Promise<LearnerDashboard> {
    const dashboard = await this.dashboards.dashboard(personOf(actor, OWN_LEARNING));
    const enrollments = dashboard.enrollments.map((summary) =>
      toEnrollment(summary, dashboard.nextLessons.get(summary.id) ?? null),
    );
    return {
      enrollments,
      overdueCount: enrollments.filter((enrollment) => enrollment.state === 'overdue').length,
      recentResults: dashboard.recentResults,
    };
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => Enrollment, {
    description: 'Take a catalog course as optional learning (returns the open enrollment if any).',
  })
  async enrollInCourse(
    @CurrentActor() actor: Actor,
    @Args('courseSlug') courseSlug: string,
  ): Promise<Enrollment> {
    const enrollment = await this.progress.enrollSelf(personOf(actor, OWN_LEARNING), courseSlug);
    return this.enrollmentOf(actor, enrollment.id);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => LessonStep, { description: 'Open a lesson: it becomes the resume point.' })
  async openLesson(
    @CurrentActor() actor: Actor,
    @IdArg('enrollmentId') enrollmentId: string,
    @Args('lessonSlug') lessonSlug: string,
  ): Promise<LessonStep> {
    return this.step(
      actor,
      await this.progress.openLesson(personOf(actor, OWN_LEARNING), enrollmentId, lessonSlug),
    );
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => LessonStep, {
    description:
      'Complete a lesson (acknowledging its statement when it has one); may complete the course.',
  })
  async completeLesson(
    @CurrentActor() actor: Actor,
    @Args('input') input: CompleteLessonInput,
    @Meta() meta: RequestMeta,
  ): Promise<LessonStep> {
    return this.step(
      actor,
      await this.progress.completeLesson(personOf(actor, OWN_LEARNING), input, meta),
    );
  }

  private async step(actor: Actor, step: Step): Promise<LessonStep> {
    return {
      progress: step.progress,
      enrollment: await this.enrollmentOf(actor, step.enrollment.id),
    };
  }

  private async enrollmentOf(actor: Actor, enrollmentId: string): Promise<Enrollment> {
    const { summary, next } = await this.dashboards.enrollment(actor, enrollmentId);
    return toEnrollment(summary, next);
  }
}
