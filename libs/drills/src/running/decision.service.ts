import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillRunStatus } from '../entities/drill-run.entity.js';
import {
  SOLO_ROLE,
  answers,
  receives,
  type DrillScenario,
  type ScenarioInject,
} from '../scenario/drill-scenario.js';
import { DrillScenarios } from '../scenario/drill-scenarios.js';
import type { ResponseView } from './run-reader.js';

export interface DecisionInput {
  runId: string;
  injectSlug: string;
  optionId: string;
}

/**
 * Where the person stands for an answer: the run's status, their role in it, and the inject's
 * release ($1 run, $2 organization, $3 person, $4 inject). No row: no such run for them.
 */
const ANSWER_CONTEXT = `SELECT r.status, p.role_slug, rel.responses_close_at, rel.id IS NOT NULL AS released
         FROM drill_runs r
         JOIN drill_participants p ON p.run_id = r.id AND p.user_id = $3::uuid
         LEFT JOIN drill_inject_releases rel ON rel.run_id = r.id AND rel.inject_slug = $4
        WHERE r.id = $1 AND r.organization_id = $2`;

/**
 * The statements of an answer, prepared by name (see PreparedQueries): a burst of a whole team
 * answering at once runs one of them per person. The benchmark's baseline runs these texts.
 */
export const DecisionStatements = {
  /** The context alone, to say why an answer that could not be recorded was refused. */
  context: { name: 'drills.answer-context', text: ANSWER_CONTEXT },
  /**
   * Records the answer and returns its context, in one statement. The answer is recorded only
   * while the run runs, the inject is out and the person's role is one that answers it ($8,
   * worked out from the scenario), and unless its respondent has answered already; it is late
   * past the response window. The run's row is share-locked by the insert: answers do not wait
   * for each other, but a pause or the end waits for answers in flight, and an answer after
   * them finds the run not running (so the scorer, which runs after the end, sees every answer
   * that was taken). `recorded_late` is null when nothing was recorded.
   * $5 option, $6 now, $7 whether the role (rather than the person) answers: the respondent
   * key is then the role's slug, as respondentKey() says; it is worked out here because the
   * role is only known in this statement.
   */
  answer: {
    name: 'drills.record-answer',
    text: `WITH context AS (${ANSWER_CONTEXT}),
           recorded AS (
             INSERT INTO drill_responses
               (organization_id, run_id, inject_slug, respondent_key, user_id, role_slug, option_id, submitted_at, late)
             SELECT $2, $1, $4, CASE WHEN $7 THEN c.role_slug ELSE $3::uuid::text END, $3::uuid,
                    c.role_slug, $5, $6, $6 > c.responses_close_at
               FROM context c, drill_runs r
              WHERE r.id = $1 AND r.organization_id = $2 AND r.status = '${DrillRunStatus.RUNNING}'
                AND c.released AND c.role_slug = ANY($8::text[])
                FOR SHARE OF r
             ON CONFLICT (run_id, inject_slug, respondent_key) DO NOTHING
             RETURNING late
           )
           SELECT c.*, (SELECT late FROM recorded) AS recorded_late FROM context c`,
  },
} as const;

interface AnswerContext {
  status: DrillRunStatus;
  role_slug: string;
  responses_close_at: Date | null;
  released: boolean;
}

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
 * Built for bursts (a whole team answering at once): an answer the scenario allows is one
 * statement (the run's pinned scenario is cached); a refused one costs a second, to say why.
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
    const scenario = await this.scenarios.ofRun(actor.organizationId, input.runId);
    if (!scenario) throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
    const inject = scenario.injects.find((candidate) => candidate.slug === input.injectSlug);
    const roles = inject && answerableWith(scenario, inject, input.optionId);
    const now = this.clock.now();
    const ids = [input.runId, actor.organizationId, actor.id, input.injectSlug];
    if (!roles) {
      const [context] = await this.prepared.query<AnswerContext>(
        DecisionStatements.context.name,
        DecisionStatements.context.text,
        ids,
      );
      throw await this.refusal(actor, input, scenario, context);
    }
    const [answered] = await this.prepared.query<AnswerContext & { recorded_late: boolean | null }>(
      DecisionStatements.answer.name,
      DecisionStatements.answer.text,
      [...ids, input.optionId, now, scenario.responseMode === 'per-role', roles],
    );
    if (!answered || answered.recorded_late === null) {
      throw await this.refusal(actor, input, scenario, answered);
    }
    return {
      injectSlug: input.injectSlug,
      optionId: input.optionId,
      userId: actor.id,
      roleSlug: answered.role_slug,
      submittedAt: now,
      late: answered.recorded_late,
    };
  }

  /** Why an answer was not recorded, checked in the order a client is told. */
  private async refusal(
    actor: Actor,
    input: DecisionInput,
    scenario: DrillScenario,
    context: AnswerContext | undefined,
  ): Promise<DomainError> {
    if (!context) return new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
    const notRunning = NOT_RUNNING[context.status];
    if (notRunning) return new DomainError(DrillsErrors.RUN_NOT_RUNNING, notRunning);
    const inject = scenario.injects.find((candidate) => candidate.slug === input.injectSlug);
    // An inject not yet released (or not for this role) answers like one that does not exist.
    if (!inject || !context.released || !receives(inject, context.role_slug)) {
      return new DomainError(DrillsErrors.NOT_FOUND, 'No such inject in this drill.');
    }
    const decision = inject.decision;
    if (!decision || !context.responses_close_at) {
      return new DomainError(DrillsErrors.INVALID_INPUT, 'This inject asks for no decision.');
    }
    if (!answers(scenario, inject, context.role_slug)) {
      return new DomainError(DrillsErrors.NOT_YOUR_DECISION, 'Other roles answer this decision.');
    }
    if (!decision.options.some((option) => option.id === input.optionId)) {
      return new DomainError(DrillsErrors.INVALID_INPUT, 'No such option for this decision.');
    }
    // Allowed, yet not recorded: the run stopped meanwhile, or the answer was given already.
    const [run] = await this.dataSource.query<{ status: DrillRunStatus }[]>(
      'SELECT status FROM drill_runs WHERE id = $1 AND organization_id = $2',
      [input.runId, actor.organizationId],
    );
    const stopped = run && NOT_RUNNING[run.status];
    if (stopped) return new DomainError(DrillsErrors.RUN_NOT_RUNNING, stopped);
    return new DomainError(
      DrillsErrors.ALREADY_ANSWERED,
      scenario.responseMode === 'per-role'
        ? 'Your role has answered this decision already.'
        : 'You have answered this decision already.',
    );
  }
}

/**
 * The roles whose answer of `optionId` to the inject's decision may be recorded (those that
 * receive the inject and answer its decision, the solo player's included), or null when the
 * inject asks for no decision or has no such option.
 */
function answerableWith(
  scenario: DrillScenario,
  inject: ScenarioInject,
  optionId: string,
): string[] | null {
  if (!inject.decision?.options.some((option) => option.id === optionId)) return null;
  return [SOLO_ROLE, ...scenario.roles.map((role) => role.slug)].filter(
    (role) => receives(inject, role) && answers(scenario, inject, role),
  );
}
