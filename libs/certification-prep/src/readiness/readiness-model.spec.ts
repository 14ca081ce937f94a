import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainReadiness, normalCdf, readiness } from './readiness-model.js';

describe('readiness (Beta posterior per domain, normal approximation of the exam score)', () => {
  it('knows nothing without answers: 50 % per domain, sd 0.289, pass chance 17.4 % at 70 %', () => {
    const result = readiness(
      [
        { domain: 'a', examQuestions: 50, answered: 0, correct: 0 },
        { domain: 'b', examQuestions: 50, answered: 0, correct: 0 },
      ],
      70,
    );
    expect(result.domains[0]?.estimate).toBe(0.5);
    expect(result.domains[0]?.uncertainty).toBeCloseTo(Math.sqrt(1 / 12), 10);
    expect(result.expectedScore).toBe(0.5);
    expect(result.scoreUncertainty).toBeCloseTo(0.2081666, 6);
    expect(result.passProbability).toBeCloseTo(0.1744437, 5);
  });

  it('gives Beta(9, 3) for 8 right of 10: estimate 0.75, sd 0.1201, 90 % interval', () => {
    const domain = domainReadiness({ domain: 'a', examQuestions: 10, answered: 10, correct: 8 });
    expect(domain.estimate).toBe(0.75);
    expect(domain.uncertainty).toBeCloseTo(0.1200961, 6);
    expect(domain.low).toBeCloseTo(0.75 - 1.6448536 * 0.1200961, 6);
    expect(domain.high).toBeCloseTo(0.75 + 1.6448536 * 0.1200961, 6);
  });

  it('weights domains by the exam split: 8/10 and 18/20 on a 60/40 exam pass 87.7 % at 70 %', () => {
    const result = readiness(
      [
        { domain: 'a', examQuestions: 60, answered: 10, correct: 8 },
        { domain: 'b', examQuestions: 40, answered: 20, correct: 18 },
      ],
      70,
    );
    expect(result.domains[1]?.estimate).toBeCloseTo(19 / 22, 10);
    expect(result.expectedScore).toBeCloseTo(0.7954545, 6);
    expect(result.scoreUncertainty).toBeCloseTo(0.0866061, 6);
    expect(result.passProbability).toBeCloseTo(0.8769555, 4);
  });

  it('grows more certain with more evidence at the same rate, and more hopeful with more right', () => {
    const few = domainReadiness({ domain: 'a', examQuestions: 10, answered: 10, correct: 7 });
    const many = domainReadiness({ domain: 'a', examQuestions: 10, answered: 100, correct: 70 });
    expect(many.uncertainty).toBeLessThan(few.uncertainty);
    const weak = readiness([{ domain: 'a', examQuestions: 100, answered: 50, correct: 25 }], 70);
    const strong = readiness([{ domain: 'a', examQuestions: 100, answered: 50, correct: 45 }], 70);
    expect(strong.passProbability).toBeGreaterThan(0.99);
    expect(weak.passProbability).toBeLessThan(0.02);
  });

  it('computes the normal distribution function to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.6448536)).toBeCloseTo(0.95, 6);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
  });

  it('stays within [0, 1], and one more right answer raises the estimate without lowering the expected score', () => {
    const domain = fc
      .record({ examQuestions: fc.integer({ min: 1, max: 60 }), answered: fc.nat(200) })
      .chain((d) =>
        fc.record({
          examQuestions: fc.constant(d.examQuestions),
          answered: fc.constant(d.answered),
          correct: fc.integer({ min: 0, max: d.answered }),
        }),
      );
    fc.assert(
      fc.property(
        fc.array(domain, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(7),
        (domains, passingScore, pick) => {
          const evidence = domains.map((d, index) => ({ domain: `d${index}`, ...d }));
          const before = readiness(evidence, passingScore);
          for (const value of [before.expectedScore, before.passProbability]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          const index = pick % evidence.length;
          const better = evidence.map((d, i) =>
            i === index ? { ...d, answered: d.answered + 1, correct: d.correct + 1 } : d,
          );
          const after = readiness(better, passingScore);
          expect(after.expectedScore).toBeGreaterThanOrEqual(before.expectedScore - 1e-12);
          expect(after.domains[index]?.estimate).toBeGreaterThan(
            before.domains[index]?.estimate ?? 1,
          );
        },
      ),
    );
  });
});
