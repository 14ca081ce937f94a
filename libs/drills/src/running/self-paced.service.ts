import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError, LOGGER } from '@academy/common';
import type { Actor, RequestMeta } from '@academy/identity';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillParticipantEntity } from '../entities/drill-participant.entity.js';
import { DrillRunEventKind } from '../entities/drill-run-event.entity.js';
import {
  DrillRunEntity,
  DrillRunMode,
  DrillRunStatus,
  OPEN_RUN_STATUSES,
} from '../entities/drill-run.entity.js';
import { InjectAnnouncer } from '../live/inject-announcer.js';
import { SOLO_ROLE, injectsInOrder } from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { InjectReleaser } from './inject-releaser.js';
import { RunControl } from './run-control.service.js';
import { RunLedger } from './run-ledger.js';
import { RunProgressReader } from './run-progress.js';

/**
 * Practice for those who missed a live drill: a learner plays a scenario alone, in every role.
 * Injects come out as they advance rather than on a clock; decisions keep their response
 * windows, and the run is scored like a team's when they advance past the last inject (or end
 * it). It is their own run: they are its facilitator. Its report shows the better options, so
 * nobody may practise a scenario while on the team of a run of it that has not ended.
 */
@Injectable()
export class SelfPacedDrills {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(RunLedger) private readonly ledger: RunLedger,
    @Inject(RunProgressReader) private readonly progress: RunProgressReader,
    @Inject(InjectReleaser) private readonly releaser: InjectReleaser,
    @Inject(RunControl) private readonly control: RunControl,
    @Inject(InjectAnnouncer) private readonly announcer: InjectAnnouncer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts a run of the scenario for the actor alone, with its first inject out. */
  async start(actor: Actor, scenarioSlug: string, meta: RequestMeta): Promise<DrillRunEntity> {
    const scenario = await this.scenarios.current(actor.organizationId, scenarioSlug);
    const [first] = injectsInOrder(scenario.content);
    const run = await this.dataSource.transaction(async (manager) => {
      await this.refuseWhileOnTeamRun(manager, actor, scenario.slug);
      const now = this.clock.now();
      const run = await manager.save(
        manager.create(DrillRunEntity, {
          organizationId: actor.organizationId,
          scenarioSlug: scenario.slug,
          scenarioVersionId: scenario.versionId,
          title: scenario.content.title,
          mode: DrillRunMode.SELF_PACED,
          status: DrillRunStatus.RUNNING,
          startsAt: now,
          openedAt: now,
          timelineZeroAt: now,
          facilitatorId: actor.id,
          createdBy: actor.id,
        }),
      );
      await manager.insert(DrillParticipantEntity, {
        organizationId: actor.organizationId,
        runId: run.id,
        userId: actor.id,
        roleSlug: SOLO_ROLE,
      });
      await this.ledger.record(manager, run, DrillRunEventKind.OPENED, { actor, meta });
      if (first) await this.releaser.release(manager, run, first);
      return run;
    });
    if (first) await this.announce(run, first.slug);
    return run;
  }

  /** Releases the next inject; past the last one, ends the run for scoring. */
  async advance(actor: Actor, runId: string, meta: RequestMeta): Promise<DrillRunEntity> {
    const { run, next } = await this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lock(manager, actor.organizationId, runId);
      if (run?.mode !== DrillRunMode.SELF_PACED || run.createdBy !== actor.id) {
        throw new DomainError(DrillsErrors.NOT_FOUND, 'No such self-paced drill of yours.');
      }
      if (run.status !== DrillRunStatus.RUNNING) {
        throw new DomainError(DrillsErrors.RUN_NOT_RUNNING, 'This drill is not running.');
      }
      // Scheduled for a team run since this practice began: it waits until that run has ended.
      await this.refuseWhileOnTeamRun(manager, actor, run.scenarioSlug);
      const { next } = await this.progress.read(manager, run);
      if (next) await this.releaser.release(manager, run, next);
      else await this.control.finish(manager, run, { actor, meta });
      return { run, next };
    });
    if (next) await this.announce(run, next.slug);
    return run;
  }

  /**
   * Tells the run's live subscriptions of the inject just released, as for a team run. The
   * learner's move has committed, so Redis refusing the announcement does not fail it (retrying
   * the mutation would advance again); it is logged, and the inject is in drillRun.injects.
   */
  private async announce(run: DrillRunEntity, injectSlug: string): Promise<void> {
    await this.announcer
      .announce(run.organizationId, run.id, injectSlug)
      .catch((error: unknown) => {
        this.logger.warn(
          { runId: run.id, injectSlug, err: error },
          'self-paced inject not announced',
        );
      });
  }

  private async refuseWhileOnTeamRun(
    manager: EntityManager,
    actor: Actor,
    scenarioSlug: string,
  ): Promise<void> {
    const [ahead] = await manager.query<unknown[]>(
      `SELECT 1 FROM drill_runs r JOIN drill_participants p ON p.run_id = r.id
        WHERE r.organization_id = $1 AND p.organization_id = $1 AND p.user_id = $2
          AND r.scenario_slug = $3 AND r.mode = $4 AND r.status = ANY($5) LIMIT 1`,
      [actor.organizationId, actor.id, scenarioSlug, DrillRunMode.TEAM, OPEN_RUN_STATUSES],
    );
    if (ahead) {
      throw new DomainError(
        DrillsErrors.TEAM_RUN_AHEAD,
        'You are on the team of a run of this scenario: practise it once that run has ended.',
      );
    }
  }
}
