/** When a quiz shows its answer keys and explanations (curriculum/FORMAT.md, `review`). */
export type ReviewPolicy = 'after-submit' | 'after-pass' | 'after-last-attempt' | 'never';

/**
 * Whether a graded attempt may show correct answers and explanations. Before that, a learner
 * sees the score and pass mark only: even per-question right/wrong would let them find the key
 * by elimination over attempts.
 */
export function mayReview(
  policy: ReviewPolicy,
  attempt: { passed: boolean; number: number },
  attemptsAllowed: number | null | undefined,
): boolean {
  switch (policy) {
    case 'after-submit':
      return true;
    case 'after-pass':
      return attempt.passed;
    case 'after-last-attempt':
      return attempt.passed || (attemptsAllowed != null && attempt.number >= attemptsAllowed);
    case 'never':
      return false;
  }
}
