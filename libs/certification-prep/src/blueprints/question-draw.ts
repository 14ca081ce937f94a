import { shuffled, type RandomInt } from '@academy/learning';
import { randomInt } from 'node:crypto';

/** A bank question as a draw sees it. */
export interface Candidate {
  slug: string;
  domain: string;
  versionId: string;
  type: 'single-choice' | 'multiple-choice' | 'true-false' | 'ordering';
  optionIds: readonly string[];
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
