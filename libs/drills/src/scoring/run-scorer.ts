import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { DataSource } from 'typeorm';
import { DrillReportEntity } from '../entities/drill-report.entity.js';
import { DrillRunEventKind } from '../entities/drill-run-event.entity.js';
import { DrillRunMode, DrillRunStatus } from '../entities/drill-run.entity.js';
import { RemedialAssigner } from '../remedial/remedial-assigner.js';
import { RunLedger } from '../running/run-ledger.js';
import { RunReader } from '../running/run-reader.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import { scoreRun, type RunRecord } from './score-run.js';

/**
 * Scores an ended run, assigns remedial learning and stores the after-action report; the run is
 * then `scored`. Safe to run again after a crash: remedial assignments are recorded once each,
 * and the report is written only over a run still `ended`.
 */
@Injectable()
export class RunScorer {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(RunLedger) private readonly ledger: RunLedger,
    @Inject(RunReader) private readonly reader: RunReader,
    @Inject(RemedialAssigner) private readonly remedial: RemedialAssigner,
  ) {}

  async score(organizationId: string, runId: string): Promise<void> {
    const record = await this.record(organizationId, runId);
    if (!record) return;
    const scored = scoreRun(record);
    // Practice alone assigns nothing: remedial learning follows team drills.
    const remedialAssignments =
      record.mode === DrillRunMode.SELF_PACED
        ? []
        : await this.remedial.assign(
            { id: runId, organizationId, createdBy: record.createdBy },
            scored.participants,
          );
    await this.dataSource.transaction(async (manager) => {
      const run = await this.ledger.lock(manager, organizationId, runId);
      if (run?.status !== DrillRunStatus.ENDED) return;
      const now = this.clock.now();
      await manager.insert(DrillReportEntity, {
        runId,
        organizationId,
        report: { ...scored, remedialAssignments },
        createdAt: now,
      });
      await manager.query(
        `UPDATE drill_participants p SET score_percent = s.percent
           FROM unnest($3::uuid[], $4::numeric[]) AS s(user_id, percent)
          WHERE p.organization_id = $1 AND p.run_id = $2 AND p.user_id = s.user_id`,
        [
          organizationId,
          runId,
          scored.participants.map((participant) => participant.userId),
          scored.participants.map((participant) => participant.percent),
        ],
      );
      Object.assign(run, { status: DrillRunStatus.SCORED, scoredAt: now });
      await manager.save(run);
      await this.ledger.record(manager, run, DrillRunEventKind.SCORED, 'schedule', {
        teamPercent: scored.team.percent,
        remedialAssignments: remedialAssignments.length,
      });
    });
  }

  /** Everything recorded about an ended run; null when there is none to score. */
  private async record(
    organizationId: string,
    runId: string,
  ): Promise<(RunRecord & { createdBy: string; mode: DrillRunMode }) | null> {
    const [run] = await this.dataSource.query<
      {
        id: string;
        title: string;
        scenario_slug: string;
        scenario_version_id: string;
        starts_at: Date;
        opened_at: Date | null;
        ended_at: Date;
        created_by: string;
        mode: DrillRunMode;
      }[]
    >(
      `SELECT id, title, scenario_slug, scenario_version_id, starts_at, opened_at, ended_at, created_by, mode
         FROM drill_runs WHERE organization_id = $1 AND id = $2 AND status = 'ended'`,
      [organizationId, runId],
    );
    if (!run) return null;
    const scenario = await this.scenarios.version(organizationId, run.scenario_version_id);
    const [participants, releases, responses, events] = await Promise.all([
      this.reader.participantsOf(organizationId, [runId]).then((byRun) => byRun.get(runId) ?? []),
      this.dataSource.query<RunRecord['releases']>(
        `SELECT inject_slug AS "injectSlug", released_at AS "releasedAt",
                responses_close_at AS "responsesCloseAt"
           FROM drill_inject_releases WHERE organization_id = $1 AND run_id = $2`,
        [organizationId, runId],
      ),
      // Every answer taken before the end (DecisionStatements.answer makes the end wait for them);
      // the time bound keeps an answer stamped by a clock running ahead of the end's out.
      this.dataSource.query<RunRecord['responses']>(
        `SELECT inject_slug AS "injectSlug", respondent_key AS "respondentKey", user_id AS "userId",
                role_slug AS "roleSlug", option_id AS "optionId", submitted_at AS "submittedAt", late
           FROM drill_responses WHERE organization_id = $1 AND run_id = $2 AND submitted_at <= $3
          ORDER BY submitted_at, id`,
        [organizationId, runId, run.ended_at],
      ),
      this.dataSource.query<RunRecord['events']>(
        `SELECT kind, occurred_at AS "occurredAt", actor_id AS "actorId", inject_slug AS "injectSlug"
           FROM drill_run_events WHERE organization_id = $1 AND run_id = $2 ORDER BY occurred_at, id`,
        [organizationId, runId],
      ),
    ]);
    return {
      createdBy: run.created_by,
      mode: run.mode,
      run: {
        id: run.id,
        title: run.title,
        scenarioSlug: run.scenario_slug,
        startsAt: run.starts_at,
        openedAt: run.opened_at,
        endedAt: run.ended_at,
      },
      scenario,
      participants,
      releases,
      responses,
      events,
    };
  }
}
