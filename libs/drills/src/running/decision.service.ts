import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillRunStatus } from '../entities/drill-run.entity.js';
import { answers, receives, respondentKey } from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import type { ResponseView } from './run-reader.js';

export interface DecisionInput {
  runId: string;
  injectSlug: string;
  optionId: string;
}

/**
 * The two statements of an answer, prepared by name (see PreparedQueries): a burst of a whole
 * team answering at once runs each of them once per person. The benchmark's baseline runs
 * these same texts.
 */
export const DecisionStatements = {
  /** What an answer is checked against: the run, the person's role in it and the inject's release. */
  context: {
    name: 'drills.decision-context',
    text: `SELECT r.status, r.scenario_version_id, p.role_slug, rel.responses_close_at,
                  rel.id IS NOT NULL AS released
             FROM drill_runs r
             JOIN drill_participants p ON p.run_id = r.id AND p.user_id = $3
             LEFT JOIN drill_inject_releases rel ON rel.run_id = r.id AND rel.inject_slug = $4
            WHERE r.id = $1 AND r.organization_id = $2`,
  },
  /**
   * Records an answer while the run is running, unless its respondent has answered already.
   * The run's row is share-locked by the insert: answers do not wait for each other, but a
   * pause or the end waits for answers in flight, and an answer after them finds the run not
   * running (so the scorer, which runs after the end, sees every answer that was taken).
   */
  record: {
    name: 'drills.record-response',
    text: `INSERT INTO drill_responses
             (organization_id, run_id, inject_slug, respondent_key, user_id, role_slug, option_id, submitted_at, late)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM drill_runs r
            WHERE r.id = $2 AND r.organization_id = $1 AND r.status = '${DrillRunStatus.RUNNING}'
            FOR SHARE
           ON CONFLICT (run_id, inject_slug, respondent_key) DO NOTHING RETURNING id`,
  },
} as const;

const NOT_RUNNING: Partial<Record<DrillRunStatus, string>> = {
  [DrillRunStatus.SCHEDULED]: 'This drill has not started yet.',
  [DrillRunStatus.PAUSED]: 'This drill is paused; answer when it resumes.',
  [DrillRunStatus.ENDED]: 'This drill has ended.',
  [DrillRunStatus.SCORED]: 'This drill has ended.',
  [DrillRunStatus.SKIPPED]: 'This drill was skipped.',
};

/**
 * Answers to decision points: one per role or per participant, as the scenario says. After the
 * response window an answer is still taken, recorded as late, and scored by the late rule.
 * Built for bursts (a whole team answering at once): one read, one insert, no run lock.
 */
@Injectable()
export class DecisionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DrillScenarios) private readonly scenarios: DrillScenarios,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
  ) {}

  async submit(actor: Actor, input: DecisionInput): Promise<ResponseView & { injectSlug: string }> {
    const [context] = await this.prepared.query<{
      status: DrillRunStatus;
      scenario_version_id: string;
      role_slug: string;
      responses_close_at: Date | null;
      released: boolean;
    }>(DecisionStatements.context.name, DecisionStatements.context.text, [
      input.runId,
      actor.organizationId,
      actor.id,
      input.injectSlug,
    ]);
    if (!context) throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
    const notRunning = NOT_RUNNING[context.status];
    if (notRunning) throw new DomainError(DrillsErrors.RUN_NOT_RUNNING, notRunning);
    const scenario = await this.scenarios.version(
      actor.organizationId,
      context.scenario_version_id,
    );
    const inject = scenario.injects.find((candidate) => candidate.slug === input.injectSlug);
    // An inject not yet released (or not for this role) answers like one that does not exist.
    if (!inject || !context.released || !receives(inject, context.role_slug)) {
      throw new DomainError(DrillsErrors.NOT_FOUND, 'No such inject in this drill.');
    }
    const decision = inject.decision;
    if (!decision || !context.responses_close_at) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'This inject asks for no decision.');
    }
    if (!answers(scenario, inject, context.role_slug)) {
      throw new DomainError(DrillsErrors.NOT_YOUR_DECISION, 'Other roles answer this decision.');
    }
    if (!decision.options.some((option) => option.id === input.optionId)) {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'No such option for this decision.');
    }
    const now = this.clock.now();
    const late = now.getTime() > context.responses_close_at.getTime();
    const key = respondentKey(scenario, { userId: actor.id, roleSlug: context.role_slug });
    const inserted = await this.prepared.query<{ id: string }>(
      DecisionStatements.record.name,
      DecisionStatements.record.text,
      [
        actor.organizationId,
        input.runId,
        input.injectSlug,
        key,
        actor.id,
        context.role_slug,
        input.optionId,
        now,
        late,
      ],
    );
    if (inserted.length === 0) {
      const [run] = await this.dataSource.query<{ status: DrillRunStatus }[]>(
        'SELECT status FROM drill_runs WHERE id = $1 AND organization_id = $2',
        [input.runId, actor.organizationId],
      );
      const stopped = run && NOT_RUNNING[run.status];
      if (stopped) throw new DomainError(DrillsErrors.RUN_NOT_RUNNING, stopped);
      throw new DomainError(
        DrillsErrors.ALREADY_ANSWERED,
        scenario.responseMode === 'per-role'
          ? 'Your role has answered this decision already.'
          : 'You have answered this decision already.',
      );
    }
    return {
      injectSlug: input.injectSlug,
      optionId: input.optionId,
      userId: actor.id,
      roleSlug: context.role_slug,
      submittedAt: now,
      late,
    };
  }
}
