import { Inject } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentActor, Permission, RequirePermission, type Actor } from '@academy/identity';
import { AnnouncementStream } from '@academy/queue';
import { InjectArrivals } from '../live/inject-arrivals.js';
import { RunReader } from '../running/run-reader.js';
import { toDrillInject } from './drill-mappers.js';
import { RunIdArgs } from './drills.inputs.js';
import { DrillInject } from './drills.objects.js';

/** Live arrival of a run's injects. */
@Resolver()
export class DrillInjectsResolver {
  constructor(
    @Inject(InjectArrivals) private readonly arrivals: InjectArrivals,
    @Inject(RunReader) private readonly reader: RunReader,
  ) {}

  @RequirePermission(Permission.SELF)
  @Subscription(() => DrillInject, {
    description:
      'Each inject of a drill you take part in as it is released (only those that reach your role). Over WebSocket (graphql-ws) like notificationReceived; best effort: drillRun.injects has everything.',
    resolve: (inject: DrillInject) => inject,
  })
  async drillInjectReleased(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
  ): Promise<AnnouncementStream<DrillInject>> {
    // Refuses at once when the run is not the actor's to see.
    await this.reader.access(actor, runId);
    return AnnouncementStream.open(
      (announce) => this.arrivals.listen(runId, announce),
      async (releaseId) => {
        const [view] = (await this.reader.injectsOf(actor, [runId], releaseId)).get(runId) ?? [];
        return view ? toDrillInject(view) : null;
      },
    );
  }
}
