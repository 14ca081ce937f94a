import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  Permission,
  personOf,
  RequirePermission,
  type Actor,
} from '@academy/identity';
import { OWN_LEARNING } from '@academy/learning';
import { ReadinessService } from '../readiness/readiness.service.js';
import { StudyPlanService } from '../study-plan/study-plan.service.js';
import { StudyPlanArgs, TrackArgs } from './certification-prep.inputs.js';
import { ReadinessObject, StudyPlanObject } from './certification-prep.objects.js';

/** Readiness for an exam, and the study plan that follows from it. */
@Resolver()
export class ReadinessResolver {
  constructor(
    @Inject(ReadinessService) private readonly estimates: ReadinessService,
    @Inject(StudyPlanService) private readonly plans: StudyPlanService,
  ) {}

  @RequirePermission(Permission.SELF)
  @Query(() => ReadinessObject, {
    description:
      "Your readiness for a track's exam: per domain and overall, with uncertainty, the probability of passing and its trend.",
  })
  async readiness(@CurrentActor() actor: Actor, @Args() args: TrackArgs): Promise<ReadinessObject> {
    const estimate = await this.estimates.of(personOf(actor, OWN_LEARNING), args.trackSlug);
    return {
      ...estimate,
      domains: estimate.domains.map((domain) => ({
        ...domain,
        title: estimate.titles.get(domain.domain) ?? domain.domain,
      })),
    };
  }

  @RequirePermission(Permission.SELF)
  @Query(() => StudyPlanObject, {
    description:
      'Weekly practice targets per domain until your exam date, adjusted to your readiness now.',
  })
  studyPlan(@CurrentActor() actor: Actor, @Args() args: StudyPlanArgs): Promise<StudyPlanObject> {
    return this.plans.of(personOf(actor, OWN_LEARNING), args.trackSlug, args.examOn);
  }
}
