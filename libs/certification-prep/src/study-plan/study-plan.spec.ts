import { describe, expect, it } from 'vitest';
import { studyPlan, weeksUntil } from './study-plan.js';

describe('study plan', () => {
  it('spreads twice the exam questions of an unknown domain over the weeks left', () => {
    const plan = studyPlan([{ domain: 'a', estimate: 0.5, examQuestions: 16 }], 4);
    expect(plan.targets).toEqual([
      { domain: 'a', estimate: 0.5, totalQuestions: 32, questionsPerWeek: 8 },
    ]);
  });

  it('asks more of weak domains and less of strong ones, and nothing of a mastered one', () => {
    const plan = studyPlan(
      [
        { domain: 'weak', estimate: 0.25, examQuestions: 10 },
        { domain: 'strong', estimate: 0.9, examQuestions: 10 },
        { domain: 'mastered', estimate: 1, examQuestions: 10 },
      ],
      3,
    );
    expect(plan.targets.map((target) => [target.totalQuestions, target.questionsPerWeek])).toEqual([
      [30, 10],
      [4, 2],
      [0, 0],
    ]);
  });

  it('counts a part week as a week, and at least one', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(weeksUntil(new Date('2026-03-30T00:00:00Z'), now)).toBe(4);
    expect(weeksUntil(new Date('2026-03-03T00:00:00Z'), now)).toBe(1);
    expect(weeksUntil(new Date('2026-03-16T09:00:00Z'), now)).toBe(2);
  });
});
