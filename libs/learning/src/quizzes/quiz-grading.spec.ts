import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedAnswer, gradeAnswers, type AnswerKey } from './quiz-grading.js';

const single: AnswerKey = {
  slug: 'single',
  type: 'single-choice',
  options: [{ id: 'a' }, { id: 'b', correct: true }, { id: 'c', correct: false }],
};
const trueFalse: AnswerKey = {
  slug: 'tf',
  type: 'true-false',
  options: [{ id: 'true', correct: true }, { id: 'false' }],
};
const multiple: AnswerKey = {
  slug: 'multi',
  type: 'multiple-choice',
  options: [{ id: 'a', correct: true }, { id: 'b' }, { id: 'c', correct: true }, { id: 'd' }],
};
const ordering: AnswerKey = {
  slug: 'order',
  type: 'ordering',
  options: [{ id: 'first' }, { id: 'second' }, { id: 'third' }],
};

describe('expectedAnswer', () => {
  it('is the set of correct options for choice questions', () => {
    expect(expectedAnswer(single)).toEqual(['b']);
    expect(expectedAnswer(trueFalse)).toEqual(['true']);
    expect(expectedAnswer(multiple)).toEqual(['a', 'c']);
  });

  it('is the authored order for ordering questions, whatever `correct` says', () => {
    expect(expectedAnswer(ordering)).toEqual(['first', 'second', 'third']);
    expect(
      expectedAnswer({ ...ordering, options: [{ id: 'x', correct: false }, { id: 'y' }] }),
    ).toEqual(['x', 'y']);
  });
});

describe('gradeAnswers', () => {
  it('grades a single choice right or wrong', () => {
    expect(gradeAnswers([single], { single: ['b'] }, 100)).toEqual({
      score: 100,
      passed: true,
      correctness: { single: true },
    });
    expect(gradeAnswers([single], { single: ['a'] }, 100)).toEqual({
      score: 0,
      passed: false,
      correctness: { single: false },
    });
    expect(gradeAnswers([single], { single: ['a', 'b'] }, 100).correctness.single).toBe(false);
    expect(gradeAnswers([trueFalse], { tf: ['false'] }, 50).correctness.tf).toBe(false);
  });

  it('needs exactly the correct set for a multiple choice, in any order', () => {
    const grade = (given: string[]) => gradeAnswers([multiple], { multi: given }, 100).score;
    expect(grade(['a', 'c'])).toBe(100);
    expect(grade(['c', 'a'])).toBe(100);
    expect(grade(['a'])).toBe(0);
    expect(grade(['a', 'c', 'b'])).toBe(0);
    expect(grade(['a', 'b', 'c', 'd'])).toBe(0);
    expect(grade([])).toBe(0);
  });

  it('needs the exact order for an ordering question', () => {
    const grade = (given: string[]) => gradeAnswers([ordering], { order: given }, 100).score;
    expect(grade(['first', 'second', 'third'])).toBe(100);
    expect(grade(['second', 'first', 'third'])).toBe(0);
    expect(grade(['first', 'second'])).toBe(0);
    expect(grade(['first', 'second', 'third', 'third'])).toBe(0);
  });

  it('counts an unanswered question as wrong', () => {
    const result = gradeAnswers([single, multiple], { single: ['b'] }, 50);
    expect(result.correctness).toEqual({ single: true, multi: false });
    expect(result.score).toBe(50);
    expect(result.passed).toBe(true);
  });

  it('ignores answers to questions that were not drawn', () => {
    const result = gradeAnswers([single], { single: ['a'], other: ['x'] }, 1);
    expect(result).toEqual({ score: 0, passed: false, correctness: { single: false } });
  });

  it('rounds the score down, so 2 of 3 fails a 67 % quiz', () => {
    const result = gradeAnswers(
      [single, multiple, ordering],
      { single: ['b'], multi: ['a', 'c'], order: ['third', 'second', 'first'] },
      67,
    );
    expect(result.score).toBe(66);
    expect(result.passed).toBe(false);
    expect(gradeAnswers([single, multiple, ordering], { single: ['b'] }, 33).score).toBe(33);
  });

  it('passes exactly when the score reaches the passing score', () => {
    const keys = [single, multiple];
    expect(gradeAnswers(keys, { single: ['b'] }, 50).passed).toBe(true);
    expect(gradeAnswers(keys, { single: ['b'] }, 51).passed).toBe(false);
    expect(gradeAnswers(keys, {}, 0).passed).toBe(true);
  });

  it('scores an empty key list 0', () => {
    expect(gradeAnswers([], {}, 0)).toEqual({ score: 0, passed: true, correctness: {} });
    expect(gradeAnswers([], { anything: ['a'] }, 1)).toEqual({
      score: 0,
      passed: false,
      correctness: {},
    });
  });

  it('property: score is floor(100 × right / total) and passed iff score >= passing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (rightness, passingScore) => {
          const keys = rightness.map((_, i) => ({ ...single, slug: `q${i}` }));
          const answers = Object.fromEntries(
            rightness.map((right, i) => [`q${i}`, right ? ['b'] : ['c']]),
          );
          const result = gradeAnswers(keys, answers, passingScore);
          const right = rightness.filter(Boolean).length;
          expect(result.score).toBe(Math.floor((100 * right) / rightness.length));
          expect(result.score * rightness.length).toBeLessThanOrEqual(100 * right);
          expect(result.passed).toBe(result.score >= passingScore);
          expect(Object.values(result.correctness)).toEqual(rightness);
        },
      ),
      { numRuns: 300 },
    );
  });
});
