import { Inject, Injectable } from '@nestjs/common';
import { DomainError, decodeCursor, toConnection, type Connection } from '@academy/common';
import { Permission, roleHas, type Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillRunEntity } from '../entities/drill-run.entity.js';
import {
  answeringRoles,
  receives,
  respondentKey,
  type DrillScenario,
} from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';

export interface ParticipantView {
  userId: string;
  displayName: string;
  roleSlug: string;
}

export interface ResponseView {
  optionId: string;
  userId: string;
  roleSlug: string;
  submittedAt: Date;
  late: boolean;
}

/**
 * A released inject as a participant sees it: the options' texts only. Scores and rationales
 * stay out until the run is scored, and then appear in the report alone.
 */
export interface InjectView {
  releaseId: string;
  runId: string;
  slug: string;
  title: string;
  phase: string;
  body: string;
  releasedAt: Date;
  decision: {
    prompt: string;
    answeredBy: string[];
    responseWindowMinutes: number;
    closesAt: Date;
    options: { id: string; text: string }[];
    /** The answer that counts for the viewer (their role's, in per-role mode). */
    myResponse: ResponseView | null;
  } | null;
}

/** What the viewer may see of a run: an admin everything, a participant what their role receives. */
export interface RunAccess {
  run: DrillRunEntity;
  scenario: DrillScenario;
  /** The viewer's role in the run; null for an admin who does not take part. */
  roleSlug: string | null;
}

interface ReleaseRow {
  id: string;
  inject_slug: string;
  released_at: Date;
  responses_close_at: Date | null;
}

/** The reading side of runs for participants and admins, always within the actor's organization. */
@Injectable()
export class RunReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
  ) {}

  /** The run, if the actor takes part in it or manages drills; otherwise NOT_FOUND. */
  async access(actor: Actor, runId: string): Promise<RunAccess> {
    const run = await this.dataSource
      .getRepository(DrillRunEntity)
      .findOneBy({ id: runId, organizationId: actor.organizationId });
    const [participant] = run
      ? await this.dataSource.query<{ role_slug: string }[]>(
          'SELECT role_slug FROM drill_participants WHERE run_id = $1 AND user_id = $2',
          [run.id, actor.id],
        )
      : [];
    if (!run || (!participant && !roleHas(actor.role, Permission.DRILLS_MANAGE))) {
      throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
    }
    const scenario = await this.scenarios.version(run.organizationId, run.scenarioVersionId);
    return { run, scenario, roleSlug: participant?.role_slug ?? null };
  }

  async participants(organizationId: string, runId: string): Promise<ParticipantView[]> {
    return (
      await this.dataSource.query<{ user_id: string; display_name: string; role_slug: string }[]>(
        `SELECT p.user_id, u.display_name, p.role_slug
           FROM drill_participants p JOIN users u ON u.id = p.user_id
          WHERE p.organization_id = $1 AND p.run_id = $2 ORDER BY p.role_slug, u.display_name`,
        [organizationId, runId],
      )
    ).map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      roleSlug: row.role_slug,
    }));
  }

  /** The released injects the viewer receives, in release order; or only `releaseId`. */
  async injects(access: RunAccess, actor: Actor, releaseId?: string): Promise<InjectView[]> {
    const { run, scenario, roleSlug } = access;
    const releases = await this.dataSource.query<ReleaseRow[]>(
      `SELECT id, inject_slug, released_at, responses_close_at FROM drill_inject_releases
        WHERE organization_id = $1 AND run_id = $2 AND ($3::uuid IS NULL OR id = $3)
        ORDER BY released_at, id`,
      [run.organizationId, run.id, releaseId ?? null],
    );
    const responses = await this.responsesByKey(
      run,
      roleSlug && respondentKey(scenario, { userId: actor.id, roleSlug }),
    );
    return releases.flatMap((release) => {
      const inject = scenario.injects.find((candidate) => candidate.slug === release.inject_slug);
      if (!inject || (roleSlug && !receives(inject, roleSlug))) return [];
      const decision = inject.decision;
      return [
        {
          releaseId: release.id,
          runId: run.id,
          slug: inject.slug,
          title: inject.title,
          phase: inject.phase,
          body: inject.body,
          releasedAt: release.released_at,
          decision:
            decision && release.responses_close_at
              ? {
                  prompt: decision.prompt,
                  answeredBy: answeringRoles(scenario, inject),
                  responseWindowMinutes: decision.responseWindowMinutes,
                  closesAt: release.responses_close_at,
                  options: decision.options.map(({ id, text }) => ({ id, text })),
                  myResponse: responses.get(inject.slug) ?? null,
                }
              : null,
        },
      ];
    });
  }

  /** The actor's drills still to come or under way, soonest first. */
  async upcoming(
    actor: Actor,
    first: number,
    after?: string | null,
  ): Promise<Connection<DrillRunEntity>> {
    const query = this.dataSource
      .getRepository(DrillRunEntity)
      .createQueryBuilder('r')
      .innerJoin('drill_participants', 'p', 'p.run_id = r.id AND p.user_id = :self', {
        self: actor.id,
      })
      .where('r.organization_id = :organizationId', { organizationId: actor.organizationId })
      .andWhere('r.status IN (:...open)', { open: ['scheduled', 'running', 'paused'] });
    const totalCount = await query.getCount();
    if (after) {
      const position = decodeCursor(after);
      query.andWhere('(r.starts_at, r.id) > (:afterAt, :afterId)', {
        afterAt: position.sort,
        afterId: position.id,
      });
    }
    const rows = await query
      .orderBy('r.starts_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toConnection(rows, first, after, totalCount, (row) => ({
      sort: row.startsAt.toISOString(),
      id: row.id,
    }));
  }

  /** The answers that count for one respondent (a role or a person), by inject. */
  private async responsesByKey(
    run: DrillRunEntity,
    key: string | null,
  ): Promise<Map<string, ResponseView>> {
    if (!key) return new Map();
    const rows = await this.dataSource.query<
      {
        inject_slug: string;
        option_id: string;
        user_id: string;
        role_slug: string;
        submitted_at: Date;
        late: boolean;
      }[]
    >(
      `SELECT inject_slug, option_id, user_id, role_slug, submitted_at, late FROM drill_responses
        WHERE organization_id = $1 AND run_id = $2 AND respondent_key = $3`,
      [run.organizationId, run.id, key],
    );
    return new Map(
      rows.map((row) => [
        row.inject_slug,
        {
          optionId: row.option_id,
          userId: row.user_id,
          roleSlug: row.role_slug,
          submittedAt: row.submitted_at,
          late: row.late,
        },
      ]),
    );
  }
}
