import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../blueprints/blueprint.js';
import type { PastAnswer } from '../history/answer-history.js';
import { evidenceOf } from './evidence.js';

const blueprint: Blueprint = {
  bank: 'bank',
  length: 10,
  timeLimitMinutes: 20,
  passingScore: 70,
  domains: [
    { slug: 'a', title: 'A', weight: 70 },
    { slug: 'b', title: 'B', weight: 30 },
  ],
};
const at = (day: number) => new Date(Date.UTC(2026, 2, day));
const answer = (
  domain: string,
  questionSlug: string,
  correct: boolean,
  day: number,
): PastAnswer => ({
  domain,
  questionSlug,
  correct,
  answeredAt: at(day),
});

describe('readiness evidence', () => {
  it('counts each question once, by its latest answer, with the blueprint split', () => {
    const answers = [
      answer('a', 'a1', false, 1),
      answer('a', 'a1', true, 2),
      answer('a', 'a2', true, 2),
      answer('b', 'b1', true, 1),
      answer('b', 'b1', false, 3),
    ];
    expect(evidenceOf(blueprint, answers, at(10))).toEqual([
      { domain: 'a', examQuestions: 7, answered: 2, correct: 2 },
      { domain: 'b', examQuestions: 3, answered: 1, correct: 0 },
    ]);
  });

  it('leaves out answers given after the moment asked for (the trend)', () => {
    const answers = [answer('a', 'a1', false, 1), answer('a', 'a1', true, 5)];
    expect(evidenceOf(blueprint, answers, at(3))[0]).toEqual({
      domain: 'a',
      examQuestions: 7,
      answered: 1,
      correct: 0,
    });
  });
});
