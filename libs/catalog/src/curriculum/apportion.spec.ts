import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';

describe('apportion (largest remainder)', () => {
  it('gives the published CISSP split for a 100-question mock', () => {
    expect(apportion(100, [16, 10, 13, 13, 13, 12, 13, 10])).toEqual([
      16, 10, 13, 13, 13, 12, 13, 10,
    ]);
  });

  it('sums to the total and stays within one of the exact share', () => {
    const weights = [17, 20, 33, 30];
    for (const total of [1, 7, 60, 150, 151]) {
      const counts = apportion(total, weights);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      counts.forEach((count, index) => {
        expect(Math.abs(count - (total * (weights[index] ?? 0)) / 100)).toBeLessThan(1);
      });
    }
  });

  it('gives leftover seats to the largest remainders first', () => {
    expect(apportion(60, [17, 20, 33, 30])).toEqual([10, 12, 20, 18]);
  });
});
