import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DrillRunStatus } from '../entities/drill-run.entity.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';

/** What an invitation or a reminder tells a participant: the run as it stands, and their role. */
export interface ParticipantNotice {
  runTitle: string;
  startsAt: Date;
  status: DrillRunStatus;
  roleSlug: string;
  /** The role's title in the scenario version the run plays (its slug if that has no such role). */
  roleTitle: string;
}

/**
 * Drills' answer to notifications, which sends the `drills.participant-notice` messages that
 * scheduling writes: it reads them here, through drills' public API, not drills' tables.
 */
@Injectable()
export class ParticipantNotices {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
  ) {}

  /** Null when the organization has no such run or the person takes no part in it. */
  async about(
    organizationId: string,
    runId: string,
    userId: string,
  ): Promise<ParticipantNotice | null> {
    const [row] = await this.dataSource.query<
      {
        title: string;
        starts_at: Date;
        status: DrillRunStatus;
        scenario_version_id: string;
        role_slug: string;
      }[]
    >(
      `SELECT r.title, r.starts_at, r.status, r.scenario_version_id, p.role_slug
         FROM drill_runs r
         JOIN drill_participants p
           ON p.run_id = r.id AND p.organization_id = r.organization_id AND p.user_id = $3
        WHERE r.id = $1 AND r.organization_id = $2`,
      [runId, organizationId, userId],
    );
    if (!row) return null;
    const scenario = await this.scenarios.version(organizationId, row.scenario_version_id);
    const role = scenario.roles.find((candidate) => candidate.slug === row.role_slug);
    return {
      runTitle: row.title,
      startsAt: row.starts_at,
      status: row.status,
      roleSlug: row.role_slug,
      roleTitle: role?.title ?? row.role_slug,
    };
  }
}
