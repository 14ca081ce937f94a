import { Inject, Injectable } from '@nestjs/common';
import { DomainError, decodeCursor, toConnection, type Connection } from '@academy/common';
import { Permission, roleHas, type Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillRunEntity, OPEN_RUN_STATUSES } from '../entities/drill-run.entity.js';
import {
  answeringRoles,
  receives,
  respondentKey,
  type DrillScenario,
  type ScenarioInject,
} from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { roleInRun } from './participant-role.js';

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

/** A run the viewer may see: as a participant, or as an admin of drills. */
export interface RunAccess {
  run: DrillRunEntity;
  /** The viewer's role in the run; null for an admin who does not take part. */
  roleSlug: string | null;
}

interface ReleaseRow {
  id: string;
  run_id: string;
  inject_slug: string;
  released_at: Date;
  responses_close_at: Date | null;
}

interface ResponseRow {
  run_id: string;
  inject_slug: string;
  respondent_key: string;
  option_id: string;
  user_id: string;
  role_slug: string;
  submitted_at: Date;
  late: boolean;
}

const toResponseView = (row: ResponseRow): ResponseView => ({
  optionId: row.option_id,
  userId: row.user_id,
  roleSlug: row.role_slug,
  submittedAt: row.submitted_at,
  late: row.late,
});

/** What a participant sees of a released inject: never an option's score or rationale. */
function toInjectView(
  runId: string,
  scenario: DrillScenario,
  inject: ScenarioInject,
  release: ReleaseRow,
  myResponse: ResponseView | null,
): InjectView {
  const decision = inject.decision;
  return {
    releaseId: release.id,
    runId,
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
            myResponse,
          }
        : null,
  };
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
    const roleSlug = run
      ? await roleInRun(this.dataSource.manager, actor.organizationId, run.id, actor.id)
      : null;
    if (!run || (!roleSlug && !roleHas(actor.role, Permission.DRILLS_MANAGE))) {
      throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
    }
    return { run, roleSlug };
  }

  /** The participants of each run, in one statement. */
  async participantsOf(
    organizationId: string,
    runIds: readonly string[],
  ): Promise<Map<string, ParticipantView[]>> {
    const rows = await this.dataSource.query<
      { run_id: string; user_id: string; display_name: string; role_slug: string }[]
    >(
      `SELECT p.run_id, p.user_id, u.display_name, p.role_slug
         FROM drill_participants p JOIN users u ON u.id = p.user_id
        WHERE p.organization_id = $1 AND p.run_id = ANY($2::uuid[])
        ORDER BY p.role_slug, u.display_name`,
      [organizationId, runIds],
    );
    const byRun = new Map<string, ParticipantView[]>();
    for (const row of rows) {
      byRun.set(row.run_id, [
        ...(byRun.get(row.run_id) ?? []),
        { userId: row.user_id, displayName: row.display_name, roleSlug: row.role_slug },
      ]);
    }
    return byRun;
  }

  /**
   * The released injects each run shows the actor, in release order (or only `releaseId`): an
   * admin sees all of them, a participant those their role receives, anyone else none. Three
   * statements whatever the number of runs; scenarios come from the version cache.
   */
  async injectsOf(
    actor: Actor,
    runIds: readonly string[],
    releaseId: string | null = null,
  ): Promise<Map<string, InjectView[]>> {
    const { organizationId } = actor;
    const [runs, releases, responses] = await Promise.all([
      this.dataSource.query<
        { id: string; scenario_version_id: string; role_slug: string | null }[]
      >(
        `SELECT r.id, r.scenario_version_id, p.role_slug
           FROM drill_runs r LEFT JOIN drill_participants p ON p.run_id = r.id AND p.user_id = $3
          WHERE r.organization_id = $1 AND r.id = ANY($2::uuid[])`,
        [organizationId, runIds, actor.id],
      ),
      this.dataSource.query<ReleaseRow[]>(
        `SELECT id, run_id, inject_slug, released_at, responses_close_at FROM drill_inject_releases
          WHERE organization_id = $1 AND run_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR id = $3)
          ORDER BY released_at, id`,
        [organizationId, runIds, releaseId],
      ),
      // The answers that may count for the actor: their role's or their own, sorted out below.
      this.dataSource.query<ResponseRow[]>(
        `SELECT x.run_id, x.inject_slug, x.respondent_key, x.option_id, x.user_id, x.role_slug,
                x.submitted_at, x.late
           FROM drill_responses x JOIN drill_participants p ON p.run_id = x.run_id AND p.user_id = $3
          WHERE x.organization_id = $1 AND x.run_id = ANY($2::uuid[])
            AND x.respondent_key IN (p.role_slug, $3::text)`,
        [organizationId, runIds, actor.id],
      ),
    ]);
    const admin = roleHas(actor.role, Permission.DRILLS_MANAGE);
    const views = new Map<string, InjectView[]>();
    for (const run of runs) {
      if (!run.role_slug && !admin) continue;
      const scenario = await this.scenarios.version(organizationId, run.scenario_version_id);
      const key =
        run.role_slug && respondentKey(scenario, { userId: actor.id, roleSlug: run.role_slug });
      const mine = new Map(
        responses
          .filter((row) => row.run_id === run.id && row.respondent_key === key)
          .map((row) => [row.inject_slug, toResponseView(row)]),
      );
      views.set(
        run.id,
        releases
          .filter((release) => release.run_id === run.id)
          .flatMap((release) => {
            const inject = scenario.injects.find(
              (candidate) => candidate.slug === release.inject_slug,
            );
            if (!inject || (run.role_slug && !receives(inject, run.role_slug))) return [];
            return [toInjectView(run.id, scenario, inject, release, mine.get(inject.slug) ?? null)];
          }),
      );
    }
    return views;
  }

  /** The actor's drills still to come or under way, soonest first. */
  async upcoming(
    actor: Actor,
    first: number,
    after?: string | null,
  ): Promise<Connection<RunAccess>> {
    const query = this.dataSource
      .getRepository(DrillRunEntity)
      .createQueryBuilder('r')
      .innerJoin('drill_participants', 'p', 'p.run_id = r.id AND p.user_id = :self', {
        self: actor.id,
      })
      .where('r.organization_id = :organizationId', { organizationId: actor.organizationId })
      .andWhere('r.status IN (:...open)', { open: OPEN_RUN_STATUSES });
    const totalCount = await query.getCount();
    if (after) {
      const position = decodeCursor(after, 'time');
      query.andWhere('(r.starts_at, r.id) > (:afterAt, :afterId)', {
        afterAt: position.sort,
        afterId: position.id,
      });
    }
    // One participant row per run and person, so raw rows and entities pair up in order.
    const { entities, raw } = await query
      .addSelect('p.role_slug', 'role_slug')
      .orderBy('r.starts_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(first + 1)
      .getRawAndEntities<{ role_slug: string }>();
    const rows = entities.map((run, index) => ({
      run,
      roleSlug: raw[index]?.role_slug ?? null,
    }));
    return toConnection(rows, first, after, totalCount, ({ run }) => ({
      sort: run.startsAt.toISOString(),
      id: run.id,
    }));
  }
}
