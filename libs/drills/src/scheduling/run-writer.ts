import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@academy/common';
import { OutboxWriter } from '@academy/outbox';
import type { EntityManager } from 'typeorm';
import { DrillParticipantEntity } from '../entities/drill-participant.entity.js';
import { DrillRunEntity, type MissedPolicy } from '../entities/drill-run.entity.js';
import type { PinnedScenario } from '../scenario/drill-scenarios.js';

export interface NewRun {
  organizationId: string;
  scenario: PinnedScenario;
  startsAt: Date;
  participants: { userId: string; roleSlug: string }[];
  facilitatorId: string | null;
  missedPolicy: MissedPolicy;
  createdBy: string;
  seriesId?: string;
}

/**
 * Writes a scheduled run in the caller's transaction: the run, its participants, the message
 * that opens it at its start time, and each participant's invitation now and reminder
 * DRILL_REMINDER_MINUTES_BEFORE the start (when that is still ahead).
 */
@Injectable()
export class RunWriter {
  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(manager: EntityManager, input: NewRun): Promise<DrillRunEntity> {
    const { organizationId, startsAt } = input;
    const run = await manager.save(
      manager.create(DrillRunEntity, {
        organizationId,
        scenarioSlug: input.scenario.slug,
        scenarioVersionId: input.scenario.versionId,
        title: input.scenario.content.title,
        startsAt,
        facilitatorId: input.facilitatorId,
        missedPolicy: input.missedPolicy,
        seriesId: input.seriesId ?? null,
        createdBy: input.createdBy,
      }),
    );
    await manager.insert(
      DrillParticipantEntity,
      input.participants.map((participant) => ({
        organizationId,
        runId: run.id,
        userId: participant.userId,
        roleSlug: participant.roleSlug,
      })),
    );
    await this.outbox.enqueue(manager, {
      organizationId,
      topic: 'drills.run-open',
      payload: { runId: run.id },
      availableAt: startsAt,
      dedupeKey: `drills.run-open:${run.id}`,
    });
    const now = this.clock.now();
    const remindAt = new Date(
      startsAt.getTime() - this.config.DRILL_REMINDER_MINUTES_BEFORE * 60_000,
    );
    for (const { userId } of input.participants) {
      await this.outbox.enqueue(manager, {
        organizationId,
        topic: 'drills.participant-notice',
        payload: { runId: run.id, userId, stage: 'invitation' },
        availableAt: now,
      });
      if (remindAt > now) {
        await this.outbox.enqueue(manager, {
          organizationId,
          topic: 'drills.participant-notice',
          payload: { runId: run.id, userId, stage: 'reminder' },
          availableAt: remindAt,
        });
      }
    }
    return run;
  }
}
