import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { OutboxWriter } from '@academy/outbox';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillParticipantEntity } from '../entities/drill-participant.entity.js';
import { DrillRunEntity } from '../entities/drill-run.entity.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';

export interface ScheduleDrillInput {
  scenarioSlug: string;
  startsAt: Date;
  participants: { userId: string; roleSlug: string }[];
  /** A participant who may steer the run besides the organization's admins. */
  facilitatorId?: string | null;
}

export const MAX_PARTICIPANTS = 500;

/**
 * Schedules a run of a scenario for named people in the scenario's roles. Everything is checked
 * before anything is written; the run, its participants, the message that opens it at its start
 * time and the audit event are written in one transaction.
 */
@Injectable()
export class DrillScheduler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async schedule(
    actor: Actor,
    input: ScheduleDrillInput,
    meta: RequestMeta,
  ): Promise<DrillRunEntity> {
    if (input.startsAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'The start time must be in the future.');
    }
    const userIds = input.participants.map((participant) => participant.userId);
    if (userIds.length === 0 || userIds.length > MAX_PARTICIPANTS) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        `Name 1 to ${MAX_PARTICIPANTS} participants.`,
      );
    }
    if (new Set(userIds).size !== userIds.length) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        'Each person takes part once, in one role.',
      );
    }
    if (input.facilitatorId && !userIds.includes(input.facilitatorId)) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'The facilitator must be a participant.');
    }
    const scenario = await this.scenarios.current(actor.organizationId, input.scenarioSlug);
    const roles = new Set(scenario.content.roles.map((role) => role.slug));
    const unknownRole = input.participants.find((participant) => !roles.has(participant.roleSlug));
    if (unknownRole) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        `The scenario has no role "${unknownRole.roleSlug}"; its roles are ${[...roles].join(', ')}.`,
      );
    }
    const active = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'ACTIVE'`,
      [actor.organizationId, userIds],
    );
    if (active.length !== userIds.length) {
      throw new DomainError(DrillsErrors.NOT_FOUND, 'No such person.');
    }
    return this.dataSource.transaction(async (manager) => {
      const run = await manager.save(
        manager.create(DrillRunEntity, {
          organizationId: actor.organizationId,
          scenarioSlug: scenario.slug,
          scenarioVersionId: scenario.versionId,
          title: scenario.content.title,
          startsAt: input.startsAt,
          facilitatorId: input.facilitatorId ?? null,
          createdBy: actor.id,
        }),
      );
      await manager.insert(
        DrillParticipantEntity,
        input.participants.map((participant) => ({
          organizationId: actor.organizationId,
          runId: run.id,
          userId: participant.userId,
          roleSlug: participant.roleSlug,
        })),
      );
      await this.outbox.enqueue(manager, {
        organizationId: actor.organizationId,
        topic: 'drills.run-open',
        payload: { runId: run.id },
        availableAt: input.startsAt,
        dedupeKey: `drills.run-open:${run.id}`,
      });
      await this.audit.recordBy(manager, actor, 'drills.run_scheduled', {
        target: { type: 'drill_run', id: run.id },
        meta,
        details: {
          scenario: `${scenario.slug}@${scenario.versionId}`,
          startsAt: input.startsAt.toISOString(),
          participants: input.participants.length,
        },
      });
      return run;
    });
  }
}
