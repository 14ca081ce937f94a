import { describe, expect, it } from 'vitest';
import { mayReview, type ReviewPolicy } from './review-policy.js';

type Row = [
  passed: boolean,
  number: number,
  attemptsAllowed: number | null | undefined,
  expected: boolean,
];

const table: Record<ReviewPolicy, Row[]> = {
  'after-submit': [
    [false, 1, 3, true],
    [true, 1, 3, true],
    [false, 2, null, true],
    [false, 1, undefined, true],
  ],
  'after-pass': [
    [false, 1, 3, false],
    [false, 3, 3, false],
    [false, 5, null, false],
    [true, 1, 3, true],
    [true, 2, null, true],
  ],
  'after-last-attempt': [
    // Passing ends the attempts, whatever is left.
    [true, 1, 3, true],
    [true, 1, null, true],
    // Failing shows the key only once no attempt is left.
    [false, 1, 3, false],
    [false, 2, 3, false],
    [false, 3, 3, true],
    [false, 4, 3, true],
    [false, 1, 1, true],
    // Unlimited attempts: a failure never reveals the key.
    [false, 1, null, false],
    [false, 99, null, false],
    [false, 99, undefined, false],
  ],
  never: [
    [false, 1, 3, false],
    [true, 1, 3, false],
    [false, 3, 3, false],
    [true, 1, null, false],
  ],
};

describe('mayReview', () => {
  for (const [policy, rows] of Object.entries(table) as [ReviewPolicy, Row[]][]) {
    it.each(rows)(
      `${policy}: passed=%s, attempt %s of %s → %s`,
      (passed, number, attemptsAllowed, expected) => {
        expect(mayReview(policy, { passed, number }, attemptsAllowed)).toBe(expected);
      },
    );
  }
});
