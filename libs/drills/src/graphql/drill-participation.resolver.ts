import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Permission, RequirePermission, type Actor } from '@academy/identity';
import { ParticipationStats } from '../stats/participation-stats.js';
import { ParticipationArgs } from './drills.inputs.js';
import { DrillGroupParticipation } from './drills.objects.js';

@Resolver(() => DrillGroupParticipation)
export class DrillParticipationResolver {
  constructor(@Inject(ParticipationStats) private readonly stats: ParticipationStats) {}

  @RequirePermission(Permission.DRILLS_MANAGE)
  @Query(() => [DrillGroupParticipation], {
    description:
      'Drill participation and scores per group and month, oldest month first (scored team drills; group membership as it is now).',
  })
  drillParticipation(
    @CurrentActor() actor: Actor,
    @Args() filter: ParticipationArgs,
  ): Promise<DrillGroupParticipation[]> {
    return this.stats.byGroup(actor, filter);
  }
}
