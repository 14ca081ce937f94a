import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, DomainError, type AppConfig } from '@academy/common';
import type { Actor, RequestMeta } from '@academy/identity';
import { OutboxWriter } from '@academy/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillRunEventKind } from '../entities/drill-run-event.entity.js';
import {
  DrillRunMode,
  DrillRunStatus,
  MissedPolicy,
  type DrillRunEntity,
} from '../entities/drill-run.entity.js';
import { minutesToMs } from '../scenario/drill-scenario.js';
import { RunLedger, type RunChanger } from './run-ledger.js';
import { RunProgressReader, type RunProgress } from './run-progress.js';
import { RunTimeline } from './run-timeline.js';

/**
 * The life of a run after scheduling: the worker opens it at its start time and ends it when
 * its duration is over; a facilitator may pause, resume, skip ahead and end it. Each change
 * locks the run, so a facilitator's click and a message of the worker never interleave.
 */
@Injectable()
export class RunControl {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RunLedger) private readonly ledger: RunLedger,
    @Inject(RunTimeline) private readonly timeline: RunTimeline,
    @Inject(RunProgressReader) private readonly progress: RunProgressReader,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Opens a scheduled run as its start time comes. Minute 0 of its timeline is the moment it
   * opens. A run opened more than DRILL_MISSED_AFTER_MINUTES late (no worker was up) follows
   * its missed policy: it runs late from its first inject, or it is skipped.
   */
  async open(organizationId: string, runId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lock(manager, organizationId, runId);
      if (run?.status !== DrillRunStatus.SCHEDULED) return;
      const now = this.clock.now();
      const lateByMs = now.getTime() - run.startsAt.getTime();
      const missed = lateByMs > minutesToMs(this.config.DRILL_MISSED_AFTER_MINUTES);
      const details = { lateByMs, ...(missed ? { missed, policy: run.missedPolicy } : {}) };
      if (missed && run.missedPolicy === MissedPolicy.SKIP) {
        Object.assign(run, { status: DrillRunStatus.SKIPPED, endedAt: now });
        await manager.save(run);
        await this.ledger.record(manager, run, DrillRunEventKind.SKIPPED, 'schedule', details);
        return;
      }
      Object.assign(run, {
        status: DrillRunStatus.RUNNING,
        openedAt: now,
        timelineZeroAt: now,
        planEpoch: run.planEpoch + 1,
      });
      await manager.save(run);
      await this.replan(manager, run);
      await this.ledger.record(manager, run, DrillRunEventKind.OPENED, 'schedule', details);
    });
  }

  async pause(actor: Actor, runId: string, meta: RequestMeta): Promise<DrillRunEntity> {
    return this.steer(actor, runId, meta, DrillRunStatus.RUNNING, async (manager, run) => {
      // A new epoch retires the release messages already written: nothing comes out while paused.
      Object.assign(run, {
        status: DrillRunStatus.PAUSED,
        pausedAt: this.clock.now(),
        planEpoch: run.planEpoch + 1,
      });
      await manager.save(run);
      return { kind: DrillRunEventKind.PAUSED };
    });
  }

  /** Resumes where the run stood: the timeline and open response windows move on by the pause. */
  async resume(actor: Actor, runId: string, meta: RequestMeta): Promise<DrillRunEntity> {
    return this.steer(actor, runId, meta, DrillRunStatus.PAUSED, async (manager, run) => {
      const now = this.clock.now();
      const pausedAt = run.pausedAt ?? now;
      const pauseMs = now.getTime() - pausedAt.getTime();
      await manager.query(
        `UPDATE drill_inject_releases
            SET responses_close_at = responses_close_at + make_interval(secs => $3::double precision / 1000)
          WHERE organization_id = $1 AND run_id = $2 AND responses_close_at > $4`,
        [run.organizationId, run.id, pauseMs, pausedAt],
      );
      Object.assign(run, {
        status: DrillRunStatus.RUNNING,
        pausedAt: null,
        timelineZeroAt: new Date((run.timelineZeroAt ?? now).getTime() + pauseMs),
        planEpoch: run.planEpoch + 1,
      });
      await manager.save(run);
      await this.replan(manager, run);
      return { kind: DrillRunEventKind.RESUMED, details: { pauseMs } };
    });
  }

  /** Jumps the timeline to the next inject not yet released, which comes out at once. */
  async skipAhead(actor: Actor, runId: string, meta: RequestMeta): Promise<DrillRunEntity> {
    return this.steer(actor, runId, meta, DrillRunStatus.RUNNING, async (manager, run) => {
      const progress = await this.progress.read(manager, run);
      const { next } = progress;
      if (!next) {
        throw new DomainError(DrillsErrors.NOTHING_TO_SKIP, 'Every inject is out already.');
      }
      const now = this.clock.now();
      const zero = new Date(now.getTime() - minutesToMs(next.offsetMinutes));
      // Never backwards: an inject due now already is not a skip, and earlier ones stay released.
      if (run.timelineZeroAt && zero.getTime() >= run.timelineZeroAt.getTime()) {
        throw new DomainError(DrillsErrors.NOTHING_TO_SKIP, 'The next inject is due already.');
      }
      Object.assign(run, { timelineZeroAt: zero, planEpoch: run.planEpoch + 1 });
      await manager.save(run);
      await this.replan(manager, run, progress);
      return { kind: DrillRunEventKind.SKIPPED_AHEAD, details: { injectSlug: next.slug } };
    });
  }

  async end(actor: Actor, runId: string, meta: RequestMeta): Promise<DrillRunEntity> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lockSteerable(manager, actor, runId);
      if (run.status !== DrillRunStatus.RUNNING && run.status !== DrillRunStatus.PAUSED) {
        throw new DomainError(DrillsErrors.RUN_NOT_RUNNING, 'This drill is not running.');
      }
      await this.finish(manager, run, { actor, meta });
      return run;
    });
  }

  /** The end of the scenario's duration, unless the plan it was written for was replaced. */
  async endOnSchedule(organizationId: string, runId: string, planEpoch: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lock(manager, organizationId, runId);
      if (run?.status !== DrillRunStatus.RUNNING || run.planEpoch !== planEpoch) return;
      await this.finish(manager, run, 'schedule');
    });
  }

  /**
   * Ends a run locked by the caller's transaction and asks the worker to score it. Public for
   * self-paced runs, which end when the learner advances past the last inject.
   */
  async finish(manager: EntityManager, run: DrillRunEntity, by: RunChanger): Promise<void> {
    const now = this.clock.now();
    Object.assign(run, {
      status: DrillRunStatus.ENDED,
      endedAt: now,
      pausedAt: null,
      planEpoch: run.planEpoch + 1,
    });
    await manager.save(run);
    await this.outbox.enqueue(manager, {
      organizationId: run.organizationId,
      topic: 'drills.run-score',
      payload: { runId: run.id },
      availableAt: now,
      dedupeKey: `drills.run-score:${run.id}`,
    });
    await this.ledger.record(manager, run, DrillRunEventKind.ENDED, by);
  }

  private async replan(manager: EntityManager, run: DrillRunEntity, progress?: RunProgress) {
    const { scenario, released } = progress ?? (await this.progress.read(manager, run));
    await this.timeline.plan(manager, run, scenario, released);
  }

  private steer(
    actor: Actor,
    runId: string,
    meta: RequestMeta,
    from: DrillRunStatus,
    change: (
      manager: EntityManager,
      run: DrillRunEntity,
    ) => Promise<{
      kind: DrillRunEventKind;
      details?: Record<string, unknown> & { injectSlug?: string };
    }>,
  ): Promise<DrillRunEntity> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lockSteerable(manager, actor, runId);
      if (run.mode === DrillRunMode.SELF_PACED) {
        // Its injects follow the learner, not a timeline: there is nothing to pause or skip.
        throw new DomainError(
          DrillsErrors.INVALID_INPUT,
          'A self-paced drill moves on with advanceSelfPacedDrill.',
        );
      }
      if (run.status !== from) {
        throw new DomainError(
          DrillsErrors.RUN_NOT_RUNNING,
          from === DrillRunStatus.PAUSED
            ? 'This drill is not paused.'
            : 'This drill is not running.',
        );
      }
      const { kind, details } = await change(manager, run);
      await this.ledger.record(manager, run, kind, { actor, meta }, details);
      return run;
    });
  }
}
