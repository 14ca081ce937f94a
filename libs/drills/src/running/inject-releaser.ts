import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DrillRunStatus, type DrillRunEntity } from '../entities/drill-run.entity.js';
import { InjectAnnouncer } from '../live/inject-announcer.js';
import { minutesToMs, type ScenarioInject } from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { RunLedger } from './run-ledger.js';

/**
 * Releases injects: a team run's when its outbox message comes due, a self-paced run's when the
 * learner advances. Idempotent: the run's lock orders it with pauses and skips, a message of a
 * retired plan does nothing, and the unique release row admits one release per inject.
 */
@Injectable()
export class InjectReleaser {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RunLedger) private readonly ledger: RunLedger,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(InjectAnnouncer) private readonly announcer: InjectAnnouncer,
  ) {}

  /**
   * Releases the inject, then announces it to live subscribers. When Redis refuses the
   * announcement this rejects, so the outbox retries the message: the retry finds the inject
   * released already, releases nothing, and announces it.
   */
  async releaseOnSchedule(
    organizationId: string,
    runId: string,
    injectSlug: string,
    planEpoch: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lock(manager, organizationId, runId);
      if (run?.status !== DrillRunStatus.RUNNING || run.planEpoch !== planEpoch) return;
      const scenario = await this.scenarios.version(organizationId, run.scenarioVersionId, manager);
      const inject = scenario.injects.find((candidate) => candidate.slug === injectSlug);
      if (inject) await this.release(manager, run, inject);
    });
    // Even when this plan was retired meanwhile: a release it made before still owes its announcement.
    await this.announcer.announce(organizationId, runId, injectSlug);
  }

  /**
   * Records the inject as released now, its decision's window opening, unless it was out
   * already; in the caller's transaction, which holds the run's lock. The caller announces it
   * once that transaction has committed.
   */
  async release(
    manager: EntityManager,
    run: DrillRunEntity,
    inject: ScenarioInject,
  ): Promise<void> {
    const now = this.clock.now();
    const closesAt = inject.decision
      ? new Date(now.getTime() + minutesToMs(inject.decision.responseWindowMinutes))
      : null;
    await manager.query(
      `INSERT INTO drill_inject_releases (organization_id, run_id, inject_slug, released_at, responses_close_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (run_id, inject_slug) DO NOTHING`,
      [run.organizationId, run.id, inject.slug, now, closesAt],
    );
  }
}
