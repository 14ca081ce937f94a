import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { OutboxWriter } from '@academy/outbox';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { MissedPolicy, type DrillRunEntity } from '../entities/drill-run.entity.js';
import { DrillSeriesEntity } from '../entities/drill-series.entity.js';
import { DrillScenarios, type PinnedScenario } from '../scenario/drill-scenarios.js';
import { activeAmong } from './active-people.js';
import { Recurrence } from './recurrence.js';
import { RunWriter } from './run-writer.js';

export interface TeamMember {
  userId: string;
  roleSlug: string;
}

export interface TeamInput {
  scenarioSlug: string;
  /** Named people, each in a role. */
  participants: TeamMember[];
  /** Groups whose active members take part in the group's role (unless named above). */
  groups?: { groupId: string; roleSlug: string }[] | null;
  /** A participant who may steer the runs besides the organization's admins. */
  facilitatorId?: string | null;
  missedPolicy?: MissedPolicy | null;
}

export interface ScheduleDrillInput extends TeamInput {
  startsAt: Date;
}

export interface ScheduleSeriesInput extends TeamInput {
  /** The first occurrence's start: the rule's DTSTART. */
  firstStartsAt: Date;
  /** An RFC 5545 RRULE without DTSTART, e.g. FREQ=MONTHLY;INTERVAL=3. */
  rrule: string;
}

export const MAX_PARTICIPANTS = 500;

/**
 * Schedules single runs and recurring series of a scenario for named people and groups in the
 * scenario's roles. A group stands for its active members at scheduling time (a series keeps
 * that team). Everything is checked before anything is written; each schedule, with its outbox
 * messages and its audit event, is written in one transaction.
 */
@Injectable()
export class DrillScheduler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(RunWriter) private readonly runs: RunWriter,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async schedule(
    actor: Actor,
    input: ScheduleDrillInput,
    meta: RequestMeta,
  ): Promise<{ run: DrillRunEntity; team: TeamMember[] }> {
    this.assertFuture(input.startsAt);
    const team = await this.teamOf(actor, input);
    const scenario = await this.checkTeam(actor, input, team);
    return this.dataSource.transaction(async (manager) => {
      const run = await this.runs.create(manager, {
        organizationId: actor.organizationId,
        scenario,
        startsAt: input.startsAt,
        participants: team,
        facilitatorId: input.facilitatorId ?? null,
        missedPolicy: input.missedPolicy ?? MissedPolicy.RUN_LATE,
        createdBy: actor.id,
      });
      await this.audit.recordBy(manager, actor, 'drills.run_scheduled', {
        target: { type: 'drill_run', id: run.id },
        meta,
        details: {
          scenario: `${scenario.slug}@${scenario.versionId}`,
          startsAt: input.startsAt.toISOString(),
          participants: team.length,
          groups: input.groups?.map((group) => group.groupId) ?? [],
          missedPolicy: run.missedPolicy,
        },
      });
      return { run, team };
    });
  }

  /**
   * Schedules a recurring series. Its first occurrence is created at once (so its participants
   * are invited now); each later one as the one before it starts.
   */
  async scheduleSeries(
    actor: Actor,
    input: ScheduleSeriesInput,
    meta: RequestMeta,
  ): Promise<DrillSeriesEntity> {
    this.assertFuture(input.firstStartsAt);
    const first = Recurrence.parse(input.rrule, input.firstStartsAt).firstFrom(input.firstStartsAt);
    if (!first)
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'The recurrence has no occurrence.');
    const team = await this.teamOf(actor, input);
    const scenario = await this.checkTeam(actor, input, team);
    return this.dataSource.transaction(async (manager) => {
      const series = await manager.save(
        manager.create(DrillSeriesEntity, {
          organizationId: actor.organizationId,
          scenarioSlug: scenario.slug,
          rrule: input.rrule.trim().replace(/^RRULE:/i, ''),
          firstStartsAt: input.firstStartsAt,
          participants: team,
          facilitatorId: input.facilitatorId ?? null,
          missedPolicy: input.missedPolicy ?? MissedPolicy.RUN_LATE,
          createdBy: actor.id,
        }),
      );
      await this.outbox.enqueue(manager, {
        organizationId: actor.organizationId,
        topic: 'drills.series-occurrence',
        payload: { seriesId: series.id, occursAt: first.toISOString() },
        availableAt: this.clock.now(),
        dedupeKey: `drills.series-occurrence:${series.id}:${first.toISOString()}`,
      });
      await this.audit.recordBy(manager, actor, 'drills.series_scheduled', {
        target: { type: 'drill_series', id: series.id },
        meta,
        details: {
          scenario: scenario.slug,
          rrule: series.rrule,
          firstStartsAt: input.firstStartsAt.toISOString(),
          participants: team.length,
          groups: input.groups?.map((group) => group.groupId) ?? [],
          missedPolicy: series.missedPolicy,
        },
      });
      return series;
    });
  }

  private assertFuture(startsAt: Date): void {
    if (startsAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'The start time must be in the future.');
    }
  }

  /**
   * The named participants, then the active members of each group in the group's role; a
   * person named and in a group plays the named role.
   */
  private async teamOf(actor: Actor, input: TeamInput): Promise<TeamMember[]> {
    const groups = input.groups ?? [];
    if (groups.length === 0) return input.participants;
    const groupIds = [...new Set(groups.map((group) => group.groupId))];
    if (groupIds.length !== groups.length) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'Each group takes part once, in one role.');
    }
    const rows = await this.dataSource.query<{ group_id: string; user_id: string | null }[]>(
      `SELECT g.id AS group_id, u.id AS user_id
         FROM groups g
         LEFT JOIN group_members m ON m.group_id = g.id AND m.organization_id = g.organization_id
         LEFT JOIN users u ON u.id = m.user_id AND u.organization_id = g.organization_id
                          AND u.status = 'ACTIVE'
        WHERE g.organization_id = $1 AND g.id = ANY($2::uuid[])`,
      [actor.organizationId, groupIds],
    );
    if (new Set(rows.map((row) => row.group_id)).size !== groupIds.length) {
      throw new DomainError(DrillsErrors.NOT_FOUND, 'No such group.');
    }
    const team = new Map(input.participants.map((member) => [member.userId, member.roleSlug]));
    const named = new Set(team.keys());
    const roleOfGroup = new Map(groups.map((group) => [group.groupId, group.roleSlug]));
    for (const { group_id: groupId, user_id: userId } of rows) {
      if (!userId || named.has(userId)) continue;
      const role = roleOfGroup.get(groupId) as string;
      const earlier = team.get(userId);
      if (earlier !== undefined && earlier !== role) {
        throw new DomainError(
          DrillsErrors.INVALID_INPUT,
          'Someone is in two of the groups with different roles: name them with their role.',
        );
      }
      team.set(userId, role);
    }
    return [...team].map(([userId, roleSlug]) => ({ userId, roleSlug }));
  }

  /** The scenario, once the team fits it: known roles, active people of the organization. */
  private async checkTeam(
    actor: Actor,
    input: TeamInput,
    team: TeamMember[],
  ): Promise<PinnedScenario> {
    const userIds = team.map((participant) => participant.userId);
    if (userIds.length === 0 || userIds.length > MAX_PARTICIPANTS) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        `Name or bring in 1 to ${MAX_PARTICIPANTS} participants.`,
      );
    }
    if (
      new Set(input.participants.map((member) => member.userId)).size !== input.participants.length
    ) {
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
    const unknownRole = [...input.participants, ...(input.groups ?? [])].find(
      (member) => !roles.has(member.roleSlug),
    );
    if (unknownRole) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        `The scenario has no role "${unknownRole.roleSlug}"; its roles are ${[...roles].join(', ')}.`,
      );
    }
    const active = await activeAmong(this.dataSource.manager, actor.organizationId, userIds);
    if (active.size !== userIds.length) {
      throw new DomainError(DrillsErrors.NOT_FOUND, 'No such person.');
    }
    return scenario;
  }
}
