import { Inject, Injectable } from '@nestjs/common';
import { OutboxWriter } from '@academy/outbox';
import type { EntityManager } from 'typeorm';
import type { DrillRunEntity } from '../entities/drill-run.entity.js';
import { minutesToMs, type DrillScenario } from '../scenario/drill-scenario.js';

/**
 * Writes the outbox messages that carry a running drill forward: one release per inject not yet
 * released, due at its offset on the run's timeline, and the end at the scenario's duration.
 * Called in the transaction that opens, resumes or re-times the run, after it bumped the plan
 * epoch; messages of earlier epochs then do nothing when they arrive.
 */
@Injectable()
export class RunTimeline {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async plan(
    manager: EntityManager,
    run: DrillRunEntity,
    scenario: DrillScenario,
    released: ReadonlySet<string>,
  ): Promise<void> {
    const zero = run.timelineZeroAt;
    if (!zero) throw new Error(`drill run ${run.id} has no timeline yet`);
    const at = (minutes: number) => new Date(zero.getTime() + minutesToMs(minutes));
    for (const inject of scenario.injects) {
      if (released.has(inject.slug)) continue;
      await this.outbox.enqueue(manager, {
        organizationId: run.organizationId,
        topic: 'drills.inject-release',
        payload: { runId: run.id, injectSlug: inject.slug, planEpoch: run.planEpoch },
        availableAt: at(inject.offsetMinutes),
        dedupeKey: `drills.inject-release:${run.id}:${inject.slug}:${run.planEpoch}`,
      });
    }
    await this.outbox.enqueue(manager, {
      organizationId: run.organizationId,
      topic: 'drills.run-end',
      payload: { runId: run.id, planEpoch: run.planEpoch },
      availableAt: at(scenario.durationMinutes),
      dedupeKey: `drills.run-end:${run.id}:${run.planEpoch}`,
    });
  }
}
