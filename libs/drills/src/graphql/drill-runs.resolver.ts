import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs, mapConnection, type Connection } from '@academy/common';
import {
  CurrentActor,
  Meta,
  Permission,
  RequirePermission,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { DecisionService } from '../running/decision.service.js';
import { SOLO_ROLE } from '../scenario/drill-scenario.js';
import { RunControl } from '../running/run-control.service.js';
import { RunReader } from '../running/run-reader.js';
import { SelfPacedDrills } from '../running/self-paced.service.js';
import { DrillScheduler } from '../scheduling/drill-scheduler.service.js';
import { ReportReader } from '../scoring/report-reader.js';
import { toDrillInject, toDrillReport, toDrillRun } from './drill-mappers.js';
import { DrillRunLoaders } from './drill-run-loaders.js';
import {
  RunIdArgs,
  ScenarioSlugArgs,
  ScheduleDrillInput,
  ScheduleDrillSeriesInput,
  SubmitDrillDecisionInput,
} from './drills.inputs.js';
import { DrillReport } from './drill-report.objects.js';
import {
  DrillInject,
  DrillParticipant,
  DrillResponse,
  DrillRun,
  DrillRunConnection,
  DrillSeries,
} from './drills.objects.js';

@Resolver(() => DrillRun)
export class DrillRunsResolver {
  constructor(
    @Inject(DrillScheduler) private readonly scheduler: DrillScheduler,
    @Inject(RunReader) private readonly reader: RunReader,
    @Inject(RunControl) private readonly control: RunControl,
    @Inject(DecisionService) private readonly decisions: DecisionService,
    @Inject(ReportReader) private readonly reports: ReportReader,
    @Inject(SelfPacedDrills) private readonly selfPaced: SelfPacedDrills,
    @Inject(DrillRunLoaders) private readonly loaders: DrillRunLoaders,
  ) {}

  @RequirePermission(Permission.DRILLS_MANAGE)
  @Mutation(() => DrillRun, {
    description:
      "Schedules a drill run of a scenario for named people and groups in the scenario's roles. The worker opens it at its start time.",
  })
  async scheduleDrill(
    @CurrentActor() actor: Actor,
    @Args('input') input: ScheduleDrillInput,
    @Meta() meta: RequestMeta,
  ): Promise<DrillRun> {
    const { run, team } = await this.scheduler.schedule(actor, input, meta);
    const role = team.find((participant) => participant.userId === actor.id);
    return toDrillRun(run, role?.roleSlug ?? null);
  }

  @RequirePermission(Permission.DRILLS_MANAGE)
  @Mutation(() => DrillSeries, {
    description:
      'Schedules a recurring drill on an RRULE schedule. Each occurrence becomes a run, created exactly once: the first at once, each next one as the previous one starts.',
  })
  scheduleDrillSeries(
    @CurrentActor() actor: Actor,
    @Args('input') input: ScheduleDrillSeriesInput,
    @Meta() meta: RequestMeta,
  ): Promise<DrillSeries> {
    return this.scheduler.scheduleSeries(actor, input, meta);
  }

  @RequirePermission(Permission.SELF)
  @Query(() => DrillRun, {
    description: 'A drill run you take part in (admins: any of the organization).',
  })
  async drillRun(@CurrentActor() actor: Actor, @Args() { runId }: RunIdArgs): Promise<DrillRun> {
    const access = await this.reader.access(actor, runId);
    return toDrillRun(access.run, access.roleSlug);
  }

  @RequirePermission(Permission.SELF)
  @Query(() => DrillRunConnection, {
    description: 'Your drills still to come or under way, soonest first.',
  })
  async myUpcomingDrills(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<DrillRun>> {
    const connection = await this.reader.upcoming(actor, page.first, page.after);
    return mapConnection(connection, ({ run, roleSlug }) => toDrillRun(run, roleSlug));
  }

  @ResolveField(() => [DrillParticipant], { description: 'Who takes part, in which role.' })
  participants(
    @CurrentActor() actor: Actor,
    @Parent() run: DrillRun,
    @Context('req') request: object,
  ): Promise<DrillParticipant[]> {
    return this.loaders.participants(request, actor, run.id);
  }

  @ResolveField(() => [DrillInject], {
    description: 'The injects released so far that reach you, in release order (admins: all).',
  })
  async injects(
    @CurrentActor() actor: Actor,
    @Parent() run: DrillRun,
    @Context('req') request: object,
  ): Promise<DrillInject[]> {
    return (await this.loaders.injects(request, actor, run.id)).map(toDrillInject);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillResponse, {
    description:
      'Answers a decision point of a running drill: once per role or per participant, as the scenario says. After the window the answer is recorded as late.',
  })
  async submitDrillDecision(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitDrillDecisionInput,
  ): Promise<DrillResponse> {
    return this.decisions.submit(actor, input);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillRun, {
    description: 'Pauses a running drill (its facilitator or an admin).',
  })
  async pauseDrill(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
    @Meta() meta: RequestMeta,
  ) {
    await this.control.pause(actor, runId, meta);
    return this.steered(actor, runId);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillRun, {
    description:
      'Resumes a paused drill; the timeline and open response windows move on by the pause.',
  })
  async resumeDrill(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
    @Meta() meta: RequestMeta,
  ) {
    await this.control.resume(actor, runId, meta);
    return this.steered(actor, runId);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillRun, {
    description: 'Releases the next inject now, moving the timeline ahead.',
  })
  async skipDrillAhead(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
    @Meta() meta: RequestMeta,
  ) {
    await this.control.skipAhead(actor, runId, meta);
    return this.steered(actor, runId);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillRun, {
    description: 'Ends a drill now; the worker scores it and writes the report.',
  })
  async endDrill(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
    @Meta() meta: RequestMeta,
  ) {
    await this.control.end(actor, runId, meta);
    return this.steered(actor, runId);
  }

  @RequirePermission(Permission.SELF)
  @Query(() => DrillReport, {
    description: 'The after-action report of a scored drill you took part in (admins: any).',
  })
  async drillReport(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
  ): Promise<DrillReport> {
    return toDrillReport(await this.reports.report(actor, runId));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillRun, {
    description:
      'Starts practising a scenario alone, in every role: its first inject is out at once, the next ones as you advance. Scored like a team drill when you advance past the last inject or end it.',
  })
  async startSelfPacedDrill(
    @CurrentActor() actor: Actor,
    @Args() { scenarioSlug }: ScenarioSlugArgs,
    @Meta() meta: RequestMeta,
  ): Promise<DrillRun> {
    return toDrillRun(await this.selfPaced.start(actor, scenarioSlug, meta), SOLO_ROLE);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => DrillRun, {
    description: 'Releases the next inject of your self-paced drill; past the last one, ends it.',
  })
  async advanceSelfPacedDrill(
    @CurrentActor() actor: Actor,
    @Args() { runId }: RunIdArgs,
    @Meta() meta: RequestMeta,
  ): Promise<DrillRun> {
    return toDrillRun(await this.selfPaced.advance(actor, runId, meta), SOLO_ROLE);
  }

  /** The run as the one who steered it now sees it, with their own role when they take part. */
  private async steered(actor: Actor, runId: string): Promise<DrillRun> {
    const { run, roleSlug } = await this.reader.access(actor, runId);
    return toDrillRun(run, roleSlug);
  }
}
