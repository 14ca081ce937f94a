import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';

export interface GroupParticipation {
  groupId: string;
  groupName: string;
  /** The first day of the month (UTC) the runs started in. */
  month: Date;
  runs: number;
  participants: number;
  /** Participants who answered at least one decision. */
  responded: number;
  /** The average participant score of those runs, 0-100. */
  averageScorePercent: number | null;
}

const MAX_MONTHS = 36;

/**
 * Drill participation and scores per group and month, for admins: scored team runs whose
 * participants are members of the group (membership as it is now). One set-based statement,
 * whatever the number of runs.
 */
@Injectable()
export class ParticipationStats {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async byGroup(
    actor: Actor,
    filter: { groupId?: string | null; months?: number | null },
  ): Promise<GroupParticipation[]> {
    const months = filter.months ?? 12;
    if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, `Ask for 1 to ${MAX_MONTHS} months.`);
    }
    if (filter.groupId) {
      const [group] = await this.dataSource.query<unknown[]>(
        'SELECT 1 FROM groups WHERE organization_id = $1 AND id = $2',
        [actor.organizationId, filter.groupId],
      );
      if (!group) throw new DomainError(DrillsErrors.NOT_FOUND, 'No such group.');
    }
    const rows = await this.dataSource.query<
      {
        group_id: string;
        group_name: string;
        month: Date;
        runs: number;
        participants: number;
        responded: number;
        average: string | null;
      }[]
    >(
      `SELECT g.id AS group_id, g.name AS group_name,
              date_trunc('month', r.starts_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month,
              count(DISTINCT r.id)::int AS runs,
              count(*)::int AS participants,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM drill_responses x WHERE x.run_id = r.id AND x.user_id = p.user_id))::int AS responded,
              round(avg(p.score_percent), 2) AS average
         FROM drill_participants p
         JOIN drill_runs r ON r.id = p.run_id AND r.status = 'scored' AND r.mode = 'team'
         JOIN group_members m ON m.user_id = p.user_id AND m.organization_id = $1
         JOIN groups g ON g.id = m.group_id
        WHERE p.organization_id = $1 AND r.organization_id = $1
          AND r.starts_at >= $2 AND ($3::uuid IS NULL OR g.id = $3)
        GROUP BY g.id, g.name, month
        ORDER BY g.name, month`,
      [actor.organizationId, this.since(months), filter.groupId ?? null],
    );
    return rows.map((row) => ({
      groupId: row.group_id,
      groupName: row.group_name,
      month: row.month,
      runs: row.runs,
      participants: row.participants,
      responded: row.responded,
      averageScorePercent: row.average == null ? null : Number(row.average),
    }));
  }

  /** The first day (UTC) of the month `months - 1` months before this one. */
  private since(months: number): Date {
    const now = this.clock.now();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  }
}
