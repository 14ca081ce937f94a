import {
  SOLO_ROLE,
  answeringRoles,
  bestScore,
  type DrillScenario,
  type ScenarioInject,
} from '../scenario/drill-scenario.js';
import type {
  AfterActionReport,
  ReportDecision,
  ReportParticipant,
  ReportResponse,
  ReportTimelineEntry,
  ScoreTally,
} from './after-action-report.js';

/** A criterion the team scored at least this on is a strength; under GAP_PERCENT, a gap. */
export const STRENGTH_PERCENT = 75;
export const GAP_PERCENT = 50;

/** Everything recorded about a run, as scoring needs it. */
export interface RunRecord {
  run: {
    id: string;
    title: string;
    scenarioSlug: string;
    startsAt: Date;
    openedAt: Date | null;
    endedAt: Date | null;
  };
  scenario: DrillScenario;
  participants: { userId: string; displayName: string; roleSlug: string }[];
  releases: { injectSlug: string; releasedAt: Date; responsesCloseAt: Date | null }[];
  responses: {
    injectSlug: string;
    respondentKey: string;
    userId: string;
    roleSlug: string;
    optionId: string;
    submittedAt: Date;
    late: boolean;
  }[];
  events: { kind: string; occurredAt: Date; actorId: string | null; injectSlug: string | null }[];
}

const round = (value: number) => Math.round(value * 100) / 100;

class Tally {
  earned = 0;
  possible = 0;

  add(earned: number, possible: number): void {
    this.earned += earned;
    this.possible += possible;
  }

  done(): ScoreTally {
    return {
      earned: round(this.earned),
      possible: round(this.possible),
      percent: this.possible === 0 ? 0 : round((100 * this.earned) / this.possible),
    };
  }
}

const tallyOf = <Key>(map: Map<Key, Tally>, key: Key): Tally => {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
};

/**
 * Scores a run by its scenario and writes the after-action report (without remedial
 * assignments, which follow from it). Each released decision is worth its best option's score
 * to every respondent who was to answer it: a role staffed in the run (per-role mode) or a
 * participant in one of its roles (per-participant mode). An answer earns its option's score,
 * times the scenario's late factor when late; no answer earns nothing. In per-role mode every
 * holder of a role shares the role's answer. Pure: same record, same report.
 */
export function scoreRun(record: RunRecord): Omit<AfterActionReport, 'remedialAssignments'> {
  const { run, scenario } = record;
  const names = new Map(record.participants.map((p) => [p.userId, p.displayName]));
  const staffed = new Set(record.participants.map((p) => p.roleSlug));
  const released = new Map(record.releases.map((release) => [release.injectSlug, release]));
  const perRole = scenario.responseMode === 'per-role';

  const team = new Tally();
  const byPhase = new Map<string, Tally>();
  const byCriterion = new Map<string, Tally>();
  const byParticipant = new Map<string, Tally>();
  const responseSeconds = new Map<string, number[]>();
  const poorChoices = new Map<string, ReportParticipant['poorChoices']>();
  const decisions: ReportDecision[] = [];
  const missedInjects: AfterActionReport['missedInjects'] = [];

  const releasedInjects = scenario.injects
    .filter((inject) => released.has(inject.slug))
    .sort(
      (a, b) =>
        (released.get(a.slug)?.releasedAt.getTime() ?? 0) -
        (released.get(b.slug)?.releasedAt.getTime() ?? 0),
    );
  for (const inject of scenario.injects) {
    if (!released.has(inject.slug)) {
      missedInjects.push({ injectSlug: inject.slug, title: inject.title, reason: 'not-released' });
    }
  }

  for (const inject of releasedInjects) {
    const decision = inject.decision;
    const release = released.get(inject.slug);
    if (!decision || !release?.responsesCloseAt) continue;
    // A learner playing alone holds every role, so answers every decision.
    const roles = staffed.has(SOLO_ROLE)
      ? [SOLO_ROLE]
      : answeringRoles(scenario, inject).filter((role) => staffed.has(role));
    const respondents = perRole
      ? roles
      : record.participants.filter((p) => roles.includes(p.roleSlug)).map((p) => p.userId);
    const best = bestScore(decision);
    const answers = record.responses.filter((response) => response.injectSlug === inject.slug);
    const points = new Map<string, number>();
    const responses: ReportResponse[] = [];
    for (const answer of answers) {
      const option = decision.options.find((candidate) => candidate.id === answer.optionId);
      if (!option || !respondents.includes(answer.respondentKey)) continue;
      const awarded = answer.late ? option.score * scenario.lateResponse.scoreFactor : option.score;
      points.set(answer.respondentKey, awarded);
      const seconds = Math.max(
        0,
        (answer.submittedAt.getTime() - release.releasedAt.getTime()) / 1000,
      );
      responses.push({
        userId: answer.userId,
        displayName: names.get(answer.userId) ?? answer.userId,
        roleSlug: answer.roleSlug,
        optionId: option.id,
        optionText: option.text,
        optionScore: option.score,
        points: round(awarded),
        late: answer.late,
        submittedAt: answer.submittedAt.toISOString(),
        responseSeconds: round(seconds),
        rationale: option.rationale,
      });
      responseSeconds.set(answer.userId, [...(responseSeconds.get(answer.userId) ?? []), seconds]);
      if (option.score <= scenario.poorScoreAtMost) {
        poorChoices.set(answer.userId, [
          ...(poorChoices.get(answer.userId) ?? []),
          {
            injectSlug: inject.slug,
            optionId: option.id,
            remedialLessons: decision.remedialLessons,
          },
        ]);
      }
    }
    for (const respondent of respondents) {
      const earned = points.get(respondent) ?? 0;
      team.add(earned, best);
      tallyOf(byPhase, inject.phase).add(earned, best);
      tallyOf(byCriterion, decision.criterion).add(earned, best);
    }
    for (const participant of record.participants) {
      if (!roles.includes(participant.roleSlug)) continue;
      const key = perRole ? participant.roleSlug : participant.userId;
      tallyOf(byParticipant, participant.userId).add(points.get(key) ?? 0, best);
    }
    const missing = respondents.filter((respondent) => !points.has(respondent));
    if (respondents.length > 0 && points.size === 0) {
      missedInjects.push({ injectSlug: inject.slug, title: inject.title, reason: 'unanswered' });
    }
    const weakest = Math.min(...responses.map((response) => response.optionScore), best);
    decisions.push({
      injectSlug: inject.slug,
      title: inject.title,
      phase: inject.phase,
      criterion: decision.criterion,
      prompt: decision.prompt,
      releasedAt: release.releasedAt.toISOString(),
      closesAt: release.responsesCloseAt.toISOString(),
      responses,
      missingRespondents: perRole ? missing : missing.map((id) => names.get(id) ?? id),
      betterOptions: decision.options
        .filter((option) => (responses.length > 0 ? option.score > weakest : option.score === best))
        .sort((a, b) => b.score - a.score)
        .map(({ id, text, score, rationale }) => ({ id, text, score, rationale })),
    });
  }

  const criteria = scenario.criteria
    .filter((criterion) => byCriterion.has(criterion.slug))
    .map((criterion) => ({
      criterion: criterion.slug,
      title: criterion.title,
      ...(byCriterion.get(criterion.slug) ?? new Tally()).done(),
    }));
  const phases = [...new Set(scenario.injects.map((inject) => inject.phase))]
    .filter((phase) => byPhase.has(phase))
    .map((phase) => ({ phase, ...(byPhase.get(phase) ?? new Tally()).done() }));

  return {
    runId: run.id,
    title: run.title,
    scenarioSlug: run.scenarioSlug,
    responseMode: scenario.responseMode,
    startsAt: run.startsAt.toISOString(),
    openedAt: run.openedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    team: team.done(),
    byPhase: phases,
    byCriterion: criteria,
    participants: record.participants.map((participant) => {
      const seconds = responseSeconds.get(participant.userId) ?? [];
      return {
        userId: participant.userId,
        displayName: participant.displayName,
        roleSlug: participant.roleSlug,
        ...(byParticipant.get(participant.userId) ?? new Tally()).done(),
        averageResponseSeconds:
          seconds.length === 0 ? null : round(seconds.reduce((a, b) => a + b, 0) / seconds.length),
        poorChoices: poorChoices.get(participant.userId) ?? [],
      };
    }),
    decisions,
    timeline: timelineOf(record, releasedInjects),
    missedInjects,
    strengths: criteria.filter((c) => c.percent >= STRENGTH_PERCENT).map((c) => c.title),
    gaps: criteria.filter((c) => c.percent < GAP_PERCENT).map((c) => c.title),
  };
}

function timelineOf(record: RunRecord, releasedInjects: ScenarioInject[]): ReportTimelineEntry[] {
  const names = new Map(record.participants.map((p) => [p.userId, p.displayName]));
  const titles = new Map(releasedInjects.map((inject) => [inject.slug, inject.title]));
  const entries: { at: Date; kind: string; text: string }[] = [
    ...record.events.map((event) => ({
      at: event.occurredAt,
      kind: event.kind,
      text: `Run ${event.kind.replace('-', ' ')}${event.injectSlug ? ` to "${titles.get(event.injectSlug) ?? event.injectSlug}"` : ''}${event.actorId ? ` by ${names.get(event.actorId) ?? 'an admin'}` : ''}`,
    })),
    ...record.releases.map((release) => ({
      at: release.releasedAt,
      kind: 'inject-released',
      text: `Inject released: ${titles.get(release.injectSlug) ?? release.injectSlug}`,
    })),
    ...record.responses.map((response) => ({
      at: response.submittedAt,
      kind: 'response',
      text: `${names.get(response.userId) ?? response.userId} (${response.roleSlug}) answered "${titles.get(response.injectSlug) ?? response.injectSlug}" with option ${response.optionId}${response.late ? ' (late)' : ''}`,
    })),
  ];
  return entries
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((entry) => ({ at: entry.at.toISOString(), kind: entry.kind, text: entry.text }));
}
