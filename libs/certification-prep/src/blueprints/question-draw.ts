import { shuffled, type RandomInt } from '@academy/learning';
import { randomInt } from 'node:crypto';

/** A bank question as a draw sees it. */
export interface Candidate {
  slug: string;
  domain: string;
  versionId: string;
  type: 'single-choice' | 'multiple-choice' | 'true-false' | 'ordering';
  optionIds: readonly string[];
  /** The learner has answered it before (in any mock exam or practice). */
  seen: boolean;
}

/** A question as drawn: fixed for the exam or session, with the order its options are shown in. */
export interface DrawnQuestion {
  slug: string;
  domain: string;
  versionId: string;
  type: Candidate['type'];
  optionOrder: string[];
}

/**
 * Option order as shown: shuffled, except true/false (read in its natural order). Ordering
 * questions are always shuffled: their authored order is the answer.
 */
export function drawn(candidate: Candidate, random: RandomInt = randomInt): DrawnQuestion {
  return {
    slug: candidate.slug,
    domain: candidate.domain,
    versionId: candidate.versionId,
    type: candidate.type,
    optionOrder:
      candidate.type === 'true-false'
        ? [...candidate.optionIds]
        : shuffled(candidate.optionIds, random),
  };
}

/**
 * Draws `counts` questions per domain, each question at most once, questions the learner has
 * not seen before those they have (at random within each group), then shuffles the exam so
 * that domains are mixed as in the real exam. A domain whose pool is smaller than its count
 * gives what it has (the validator refuses such shipped banks; an organization's edits must
 * not make exams impossible).
 */
export function drawByDomain(
  pool: readonly Candidate[],
  counts: ReadonlyMap<string, number>,
  random: RandomInt = randomInt,
): DrawnQuestion[] {
  const byDomain = new Map<string, { unseen: Candidate[]; seen: Candidate[] }>();
  for (const candidate of pool) {
    const groups = byDomain.get(candidate.domain) ?? { unseen: [], seen: [] };
    (candidate.seen ? groups.seen : groups.unseen).push(candidate);
    byDomain.set(candidate.domain, groups);
  }
  const chosen: Candidate[] = [];
  for (const [domain, count] of counts) {
    const groups = byDomain.get(domain);
    if (!groups) continue;
    chosen.push(
      ...[...shuffled(groups.unseen, random), ...shuffled(groups.seen, random)].slice(0, count),
    );
  }
  return shuffled(chosen, random).map((candidate) => drawn(candidate, random));
}
