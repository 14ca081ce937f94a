import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Permission, RequirePermission, type Actor } from '@academy/identity';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { toDrillScenario } from './drill-mappers.js';
import { DrillScenarioSummary } from './drills.objects.js';

@Resolver(() => DrillScenarioSummary)
export class DrillScenariosResolver {
  constructor(@Inject(DrillScenarios) private readonly scenarios: DrillScenarios) {}

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => [DrillScenarioSummary], {
    description:
      'The drill scenarios you can schedule or practise, by slug: roles and outline only, never injects or scores.',
  })
  async drillScenarios(@CurrentActor() actor: Actor): Promise<DrillScenarioSummary[]> {
    return (await this.scenarios.list(actor.organizationId)).map(toDrillScenario);
  }
}
