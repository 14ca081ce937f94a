import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawByDomain, type Candidate } from './question-draw.js';

const candidate = (domain: string, index: number, seen = false): Candidate => ({
  slug: `${domain}-${index}`,
  domain,
  versionId: `v-${domain}-${index}`,
  type: 'single-choice',
  optionIds: ['a', 'b', 'c', 'd'],
  seen,
});

describe('drawing a mock exam by domain', () => {
  it('draws each domain its count, never a question twice, unseen questions first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            size: fc.integer({ min: 0, max: 30 }),
            seen: fc.integer({ min: 0, max: 30 }),
            count: fc.integer({ min: 0, max: 30 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (domains) => {
          const pool = domains.flatMap((domain, d) =>
            Array.from({ length: domain.size }, (_, i) => candidate(`d${d}`, i, i < domain.seen)),
          );
          const counts = new Map(domains.map((domain, d) => [`d${d}`, domain.count]));
          const exam = drawByDomain(pool, counts);
          expect(new Set(exam.map((question) => question.slug)).size).toBe(exam.length);
          domains.forEach((domain, d) => {
            const drawn = exam.filter((question) => question.domain === `d${d}`);
            expect(drawn).toHaveLength(Math.min(domain.count, domain.size));
            const unseen = domain.size - Math.min(domain.seen, domain.size);
            const drawnSeen = drawn.filter(
              (question) => Number(question.slug.split('-')[1]) < domain.seen,
            );
            expect(drawnSeen).toHaveLength(Math.max(0, drawn.length - unseen));
          });
        },
      ),
    );
  });

  it('shows every option once and keeps true/false in its natural order', () => {
    const pool: Candidate[] = [
      candidate('a', 1),
      { ...candidate('a', 2), type: 'true-false', optionIds: ['true', 'false'] },
    ];
    const exam = drawByDomain(pool, new Map([['a', 2]]));
    for (const question of exam) {
      expect([...question.optionOrder].sort()).toEqual(
        [...(pool.find((c) => c.slug === question.slug)?.optionIds ?? [])].sort(),
      );
    }
    expect(exam.find((question) => question.type === 'true-false')?.optionOrder).toEqual([
      'true',
      'false',
    ]);
  });
});
