import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';
import { DrillRunStatus, type DrillRunEntity } from '../entities/drill-run.entity.js';
import { RunChannel } from '../live/run-channel.js';
import { minutesToMs, type ScenarioInject } from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { RunLedger } from './run-ledger.js';

/**
 * Releases injects: a team run's when its outbox message comes due (and announces it to live
 * subscribers), a self-paced run's when the learner advances. Idempotent: the run's lock orders
 * it with pauses and skips, a message of a retired plan does nothing, and the unique release
 * row admits one release per inject.
 */
@Injectable()
export class InjectReleaser {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RunLedger) private readonly ledger: RunLedger,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RunChannel) private readonly channel: RunChannel,
  ) {}

  async releaseOnSchedule(
    organizationId: string,
    runId: string,
    injectSlug: string,
    planEpoch: number,
  ): Promise<void> {
    const releaseId = await this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lock(manager, organizationId, runId);
      if (run?.status !== DrillRunStatus.RUNNING || run.planEpoch !== planEpoch) return null;
      const scenario = await this.scenarios.version(organizationId, run.scenarioVersionId, manager);
      const inject = scenario.injects.find((candidate) => candidate.slug === injectSlug);
      return inject ? this.release(manager, run, inject) : null;
    });
    // Live delivery is best effort: the release row is the record, and drillRun lists it.
    if (releaseId) await this.redis.publish(this.channel.of(runId), releaseId).catch(() => 0);
  }

  /**
   * Records the inject as released now, its decision's window opening; in the caller's
   * transaction, which holds the run's lock. Null when it was out already.
   */
  async release(
    manager: EntityManager,
    run: DrillRunEntity,
    inject: ScenarioInject,
  ): Promise<string | null> {
    const now = this.clock.now();
    const closesAt = inject.decision
      ? new Date(now.getTime() + minutesToMs(inject.decision.responseWindowMinutes))
      : null;
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO drill_inject_releases (organization_id, run_id, inject_slug, released_at, responses_close_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (run_id, inject_slug) DO NOTHING RETURNING id`,
      [run.organizationId, run.id, inject.slug, now, closesAt],
    );
    return rows[0]?.id ?? null;
  }
}
