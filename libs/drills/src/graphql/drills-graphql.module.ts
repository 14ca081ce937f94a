import { Module } from '@nestjs/common';
import { DrillsModule } from '../drills.module.js';
import { InjectArrivals } from '../live/inject-arrivals.js';
import { DrillInjectsResolver } from './drill-injects.resolver.js';
import { DrillRunLoaders } from './drill-run-loaders.js';
import { DrillParticipationResolver } from './drill-participation.resolver.js';
import { DrillRunsResolver } from './drill-runs.resolver.js';
import { DrillScenariosResolver } from './drill-scenarios.resolver.js';

/** Drills' GraphQL room; only apps/api imports it. */
@Module({
  imports: [DrillsModule],
  // Only the API holds live subscriptions, so only it opens the Redis subscriber connection.
  providers: [
    DrillScenariosResolver,
    DrillRunLoaders,
    DrillRunsResolver,
    DrillParticipationResolver,
    InjectArrivals,
    DrillInjectsResolver,
  ],
})
export class DrillsGraphqlModule {}
