import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DrillRunEntity } from '../entities/drill-run.entity.js';
import {
  injectsInOrder,
  type DrillScenario,
  type ScenarioInject,
} from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';

/** Where a run stands in the scenario version it plays. */
export interface RunProgress {
  scenario: DrillScenario;
  /** The slugs of the injects released so far. */
  released: ReadonlySet<string>;
  /** The first inject in release order not yet released; null once all are out. */
  next: ScenarioInject | null;
}

/**
 * Reads a run's progress in the caller's transaction, which holds the run's lock: what skipping
 * ahead, replanning the timeline and a self-paced advance each decide from.
 */
@Injectable()
export class RunProgressReader {
  constructor(@Inject(DrillScenarios) private readonly scenarios: DrillScenarios) {}

  async read(manager: EntityManager, run: DrillRunEntity): Promise<RunProgress> {
    const scenario = await this.scenarios.version(
      run.organizationId,
      run.scenarioVersionId,
      manager,
    );
    const rows = await manager.query<{ inject_slug: string }[]>(
      'SELECT inject_slug FROM drill_inject_releases WHERE organization_id = $1 AND run_id = $2',
      [run.organizationId, run.id],
    );
    const released = new Set(rows.map((row) => row.inject_slug));
    const next = injectsInOrder(scenario).find((inject) => !released.has(inject.slug)) ?? null;
    return { scenario, released, next };
  }
}
