import { describe, expect, it } from 'vitest';
import type { BlueprintDomain } from '../blueprints/blueprint.js';
import {
  pickForPractice,
  practiceCounts,
  targetLevel,
  type PracticeCandidate,
} from './practice-selection.js';

const domains: BlueprintDomain[] = [
  { slug: 'weak', title: 'Weak', weight: 50 },
  { slug: 'strong', title: 'Strong', weight: 50 },
];

const question = (
  domain: string,
  slug: string,
  difficulty: PracticeCandidate['difficulty'],
  lastAnsweredAt: Date | null = null,
): PracticeCandidate => ({
  slug,
  domain,
  versionId: `v-${slug}`,
  type: 'single-choice',
  optionIds: ['a', 'b'],
  difficulty,
  lastAnsweredAt,
});

describe('adaptive practice', () => {
  it('gives weak domains more seats: points at stake 50×0.8 against 50×0.2 make 8 and 2 of 10', () => {
    const counts = practiceCounts(
      domains,
      new Map([
        ['weak', 0.2],
        ['strong', 0.8],
      ]),
      10,
    );
    expect(Object.fromEntries(counts)).toEqual({ weak: 8, strong: 2 });
  });

  it('splits evenly when nothing is known', () => {
    expect(Object.fromEntries(practiceCounts(domains, new Map(), 10))).toEqual({
      weak: 5,
      strong: 5,
    });
  });

  it('targets easy questions for a weak learner and hard ones for a strong one', () => {
    expect(targetLevel(0.4)).toBe(0);
    expect(targetLevel(0.6)).toBe(1);
    expect(targetLevel(0.9)).toBe(2);
  });

  it('picks questions nearest the learner’s level, never-answered and oldest first', () => {
    const long = new Date('2026-01-01T00:00:00Z');
    const recent = new Date('2026-03-01T00:00:00Z');
    const pool = [
      question('weak', 'w-hard', 'hard'),
      question('weak', 'w-easy-recent', 'easy', recent),
      question('weak', 'w-easy-new', 'easy'),
      question('weak', 'w-easy-old', 'easy', long),
      question('strong', 's-easy', 'easy'),
      question('strong', 's-hard', 'hard'),
    ];
    const picked = pickForPractice(
      pool,
      new Map([
        ['weak', 2],
        ['strong', 1],
      ]),
      new Map([
        ['weak', 0.3],
        ['strong', 0.9],
      ]),
    );
    expect(picked.map((q) => q.slug).sort()).toEqual(['s-hard', 'w-easy-new', 'w-easy-old']);
  });
});
