import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { OutboxWriter } from '@academy/outbox';
import { DataSource } from 'typeorm';
import { DrillSeriesOccurrenceEntity } from '../entities/drill-series-occurrence.entity.js';
import { DrillSeriesEntity } from '../entities/drill-series.entity.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { activeAmong } from './active-people.js';
import { Recurrence } from './recurrence.js';
import { RunWriter } from './run-writer.js';

/**
 * Creates the occurrences of recurring series, each exactly once: the series row is locked, an
 * occurrence already recorded ends the work, and the unique (series, time) index rolls back a
 * run that would duplicate one. Then it asks for the next occurrence, to be created when this
 * one starts. Occurrences play the scenario's current version and the team's active members.
 */
@Injectable()
export class SeriesOccurrences {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(RunWriter) private readonly runs: RunWriter,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async create(organizationId: string, seriesId: string, occursAt: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const series = await manager.getRepository(DrillSeriesEntity).findOne({
        where: { id: seriesId, organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!series) return;
      const done = await manager
        .getRepository(DrillSeriesOccurrenceEntity)
        .existsBy({ seriesId, occursAt });
      if (done) return;
      const active = await activeAmong(
        manager,
        organizationId,
        series.participants.map((participant) => participant.userId),
      );
      const team = series.participants.filter((participant) => active.has(participant.userId));
      const run =
        team.length === 0
          ? null
          : await this.runs.create(manager, {
              organizationId,
              scenario: await this.scenarios.current(organizationId, series.scenarioSlug),
              startsAt: occursAt,
              participants: team,
              facilitatorId: team.some((p) => p.userId === series.facilitatorId)
                ? series.facilitatorId
                : null,
              missedPolicy: series.missedPolicy,
              createdBy: series.createdBy,
              seriesId,
            });
      await manager.insert(DrillSeriesOccurrenceEntity, {
        organizationId,
        seriesId,
        occursAt,
        runId: run?.id ?? null,
        createdAt: this.clock.now(),
      });
      const next = Recurrence.parse(series.rrule, series.firstStartsAt).after(occursAt);
      if (next) {
        await this.outbox.enqueue(manager, {
          organizationId,
          topic: 'drills.series-occurrence',
          payload: { seriesId, occursAt: next.toISOString() },
          availableAt: occursAt,
          dedupeKey: `drills.series-occurrence:${seriesId}:${next.toISOString()}`,
        });
      }
    });
  }
}
