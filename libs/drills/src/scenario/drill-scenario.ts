import type { DrillFile } from '@academy/catalog';

export type DrillScenario = DrillFile;
export type ScenarioInject = DrillScenario['injects'][number];
export type ScenarioDecision = NonNullable<ScenarioInject['decision']>;
export type ScenarioPhase = ScenarioInject['phase'];

const MINUTE = 60_000;

export const minutesToMs = (minutes: number) => minutes * MINUTE;

/** The role of a learner playing a scenario alone (self-paced): every role at once. */
export const SOLO_ROLE = '*';

/** Whether a participant in `role` receives the inject (everyone does when it names no roles). */
export function receives(inject: ScenarioInject, role: string): boolean {
  return role === SOLO_ROLE || !inject.roles || inject.roles.includes(role);
}

/**
 * The roles that answer a decision: the decision's own roles, else those that receive the
 * inject, else every role of the scenario.
 */
export function answeringRoles(scenario: DrillScenario, inject: ScenarioInject): string[] {
  return inject.decision?.roles ?? inject.roles ?? scenario.roles.map((role) => role.slug);
}

/** Whether a participant in `role` answers the inject's decision. */
export function answers(scenario: DrillScenario, inject: ScenarioInject, role: string): boolean {
  return role === SOLO_ROLE || answeringRoles(scenario, inject).includes(role);
}

/** Whose answer a response is: the role's in per-role mode, the person's in per-participant mode. */
export function respondentKey(
  scenario: DrillScenario,
  participant: { userId: string; roleSlug: string },
): string {
  return scenario.responseMode === 'per-role' ? participant.roleSlug : participant.userId;
}

/** The highest score an option of the decision gives. */
export function bestScore(decision: ScenarioDecision): number {
  return Math.max(...decision.options.map((option) => option.score));
}

/** Injects in the order they are released (by offset, then as written). */
export function injectsInOrder(scenario: DrillScenario): ScenarioInject[] {
  return scenario.injects
    .map((inject, index) => ({ inject, index }))
    .sort((a, b) => a.inject.offsetMinutes - b.inject.offsetMinutes || a.index - b.index)
    .map(({ inject }) => inject);
}
