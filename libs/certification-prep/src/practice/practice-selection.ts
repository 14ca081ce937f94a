import { apportion, type QuestionRef } from '@academy/catalog';
import { shuffled, type RandomInt } from '@academy/learning';
import { randomInt } from 'node:crypto';
import type { BlueprintDomain } from '../blueprints/blueprint.js';
import { drawn, type Candidate, type DrawnQuestion } from '../blueprints/question-draw.js';

export interface PracticeCandidate extends Candidate {
  difficulty: QuestionRef['difficulty'];
  /** When the learner last answered it; null if never. */
  lastAnsweredAt: Date | null;
}

const LEVEL = { easy: 0, medium: 1, hard: 2 } as const;

/**
 * The bank's difficulty label that suits a learner whose estimate in a domain is `estimate`:
 * questions a learner gets right about two times in three teach most (neither guessed nor
 * trivial), so below 55 % easy, below 75 % medium, above that hard.
 */
export function targetLevel(estimate: number): number {
  if (estimate < 0.55) return LEVEL.easy;
  if (estimate < 0.75) return LEVEL.medium;
  return LEVEL.hard;
}

/**
 * Seats per domain for a practice session: the blueprint weight times the share the learner
 * is expected to miss (1 − estimate), i.e. the exam points at stake in each domain, split by
 * largest remainder. Weak, heavy domains get most seats; a strong domain still gets a few.
 */
export function practiceCounts(
  domains: readonly BlueprintDomain[],
  estimates: ReadonlyMap<string, number>,
  size: number,
): Map<string, number> {
  const atStake = domains.map(
    (domain) => domain.weight * (1 - (estimates.get(domain.slug) ?? 0.5)),
  );
  const counts = apportion(size, atStake);
  return new Map(domains.map((domain, index) => [domain.slug, counts[index] ?? 0]));
}

/**
 * Picks each domain's seats from its questions nearest the learner's level in that domain;
 * among equally near ones, never-answered first, then the longest ago, then at random.
 */
export function pickForPractice(
  pool: readonly PracticeCandidate[],
  counts: ReadonlyMap<string, number>,
  estimates: ReadonlyMap<string, number>,
  random: RandomInt = randomInt,
): DrawnQuestion[] {
  const chosen: PracticeCandidate[] = [];
  for (const [domain, count] of counts) {
    if (count === 0) continue;
    const target = targetLevel(estimates.get(domain) ?? 0.5);
    const ranked = shuffled(
      pool.filter((candidate) => candidate.domain === domain),
      random,
    ).sort(
      (a, b) =>
        Math.abs(LEVEL[a.difficulty] - target) - Math.abs(LEVEL[b.difficulty] - target) ||
        (a.lastAnsweredAt?.getTime() ?? -Infinity) - (b.lastAnsweredAt?.getTime() ?? -Infinity),
    );
    chosen.push(...ranked.slice(0, count));
  }
  return shuffled(chosen, random).map((candidate) => drawn(candidate, random));
}
