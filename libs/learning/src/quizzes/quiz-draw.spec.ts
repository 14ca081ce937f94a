import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawQuestions, shuffled, type PoolQuestion, type RandomInt } from './quiz-draw.js';

/** A seeded generator of integers in [0, bound) (mulberry32), so draws are reproducible. */
function seeded(seed: number): RandomInt {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    return Math.floor(unit * bound);
  };
}

function question(slug: string, tags: string[] = [], options = 4, ordering = false): PoolQuestion {
  return {
    slug,
    tags,
    optionIds: Array.from({ length: options }, (_, i) => `${slug}-o${i}`),
    ordering,
  };
}

const sorted = (items: readonly string[]) => [...items].sort();

describe('shuffled', () => {
  it('returns a permutation and leaves its input alone', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const result = shuffled(items, seeded(7));
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sorted(result)).toEqual(items);
  });

  it('is a Fisher–Yates shuffle: asks for bounds n, n-1, …, 2 and swaps as told', () => {
    const bounds: number[] = [];
    const alwaysZero: RandomInt = (bound) => {
      bounds.push(bound);
      return 0;
    };
    // Always swapping with the first position rotates the list left by one.
    expect(shuffled(['a', 'b', 'c', 'd'], alwaysZero)).toEqual(['b', 'c', 'd', 'a']);
    expect(bounds).toEqual([4, 3, 2]);
    // Always picking the current position keeps the order.
    expect(shuffled(['a', 'b', 'c', 'd'], (bound) => bound - 1)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('can reach every permutation of three items', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++)
      seen.add(shuffled(['a', 'b', 'c'], seeded(seed)).join(''));
    expect(seen.size).toBe(6);
  });

  it('handles empty and single-item lists without drawing', () => {
    const never: RandomInt = () => {
      throw new Error('no draw expected');
    };
    expect(shuffled([], never)).toEqual([]);
    expect(shuffled(['x'], never)).toEqual(['x']);
  });
});

describe('drawQuestions', () => {
  const pool: PoolQuestion[] = [
    question('q1', ['crypto']),
    question('q2', ['crypto']),
    question('q3', ['network']),
    question('q4', ['network']),
    question('q5', ['network', 'crypto']),
    question('q6', []),
    question('q7', []),
    question('q8', []),
    question('q9', []),
    question('q10', []),
  ];

  it('draws exactly `draw` distinct questions from the pool', () => {
    for (let seed = 0; seed < 50; seed++) {
      const drawn = drawQuestions(
        pool,
        { draw: 6, quotas: [], shuffleOptions: false },
        seeded(seed),
      );
      const slugs = drawn.map((entry) => entry.slug);
      expect(slugs).toHaveLength(6);
      expect(new Set(slugs).size).toBe(6);
      for (const slug of slugs) expect(pool.map((q) => q.slug)).toContain(slug);
    }
  });

  it('draws the whole pool, once each, when `draw` exceeds it', () => {
    const drawn = drawQuestions(pool, { draw: 25, quotas: [], shuffleOptions: false }, seeded(3));
    expect(sorted(drawn.map((entry) => entry.slug))).toEqual(sorted(pool.map((q) => q.slug)));
  });

  it('meets every tag quota', () => {
    const quotas = [
      { tag: 'crypto', count: 3 },
      { tag: 'network', count: 2 },
    ];
    for (let seed = 0; seed < 100; seed++) {
      const drawn = drawQuestions(pool, { draw: 5, quotas, shuffleOptions: false }, seeded(seed));
      const tagsOf = drawn.map((entry) => pool.find((q) => q.slug === entry.slug)?.tags ?? []);
      expect(drawn).toHaveLength(5);
      expect(tagsOf.filter((tags) => tags.includes('crypto')).length).toBeGreaterThanOrEqual(3);
      expect(tagsOf.filter((tags) => tags.includes('network')).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('takes every tagged question when a quota exceeds its supply, and fills the rest', () => {
    const small = [question('a', ['rare']), question('b', ['rare']), ...pool.slice(5)];
    for (let seed = 0; seed < 30; seed++) {
      const drawn = drawQuestions(
        small,
        { draw: 4, quotas: [{ tag: 'rare', count: 5 }], shuffleOptions: false },
        seeded(seed),
      );
      const slugs = drawn.map((entry) => entry.slug);
      expect(slugs).toHaveLength(4);
      expect(new Set(slugs).size).toBe(4);
      expect(slugs).toContain('a');
      expect(slugs).toContain('b');
    }
  });

  it('keeps the authored option order when options are not shuffled', () => {
    const drawn = drawQuestions(pool, { draw: 10, quotas: [], shuffleOptions: false }, () => 0);
    for (const entry of drawn) {
      expect(entry.optionOrder).toEqual(pool.find((q) => q.slug === entry.slug)?.optionIds);
    }
  });

  it('always shuffles the options of ordering questions', () => {
    const withOrdering = [question('plain', [], 4), question('order', [], 4, true)];
    // With a generator that always answers 0, every shuffle of four is a left rotation.
    const drawn = drawQuestions(
      withOrdering,
      { draw: 2, quotas: [], shuffleOptions: false },
      () => 0,
    );
    const bySlug = Object.fromEntries(drawn.map((entry) => [entry.slug, entry.optionOrder]));
    expect(bySlug.plain).toEqual(['plain-o0', 'plain-o1', 'plain-o2', 'plain-o3']);
    expect(bySlug.order).toEqual(['order-o1', 'order-o2', 'order-o3', 'order-o0']);
  });

  it('shuffles options into a permutation of the option ids when asked', () => {
    const seenOrders = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const drawn = drawQuestions(
        pool,
        { draw: 10, quotas: [], shuffleOptions: true },
        seeded(seed),
      );
      for (const entry of drawn) {
        const authored = pool.find((q) => q.slug === entry.slug)?.optionIds ?? [];
        expect(sorted(entry.optionOrder)).toEqual(sorted(authored));
        seenOrders.add(entry.optionOrder.map((id) => id.slice(-1)).join(''));
      }
    }
    // 400 shuffles of four options: the authored order cannot be the only one produced.
    expect(seenOrders.size).toBeGreaterThan(1);
  });

  it('draws every question of the pool sooner or later, not a fixed subset', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const drawn = drawQuestions(
        pool,
        { draw: 3, quotas: [], shuffleOptions: false },
        seeded(seed),
      );
      for (const entry of drawn) seen.add(entry.slug);
    }
    expect(seen.size).toBe(pool.length);
  });

  it('mixes quota questions among the others rather than putting them first', () => {
    const firstTagged: boolean[] = [];
    for (let seed = 0; seed < 100; seed++) {
      const drawn = drawQuestions(
        pool,
        { draw: 6, quotas: [{ tag: 'crypto', count: 2 }], shuffleOptions: false },
        seeded(seed),
      );
      const tags = pool.find((q) => q.slug === drawn[0]?.slug)?.tags ?? [];
      firstTagged.push(tags.includes('crypto'));
    }
    expect(firstTagged).toContain(true);
    expect(firstTagged).toContain(false);
  });

  it('is deterministic for an injected generator and varies with it', () => {
    const rules = { draw: 5, quotas: [{ tag: 'network', count: 1 }], shuffleOptions: true };
    expect(drawQuestions(pool, rules, seeded(42))).toEqual(drawQuestions(pool, rules, seeded(42)));
    const distinct = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        JSON.stringify(drawQuestions(pool, rules, seeded(seed))),
      ),
    );
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('draws nothing from an empty pool or for a draw of zero', () => {
    expect(
      drawQuestions([], { draw: 3, quotas: [{ tag: 'x', count: 2 }], shuffleOptions: true }),
    ).toEqual([]);
    expect(
      drawQuestions(pool, { draw: 0, quotas: [{ tag: 'crypto', count: 2 }], shuffleOptions: true }),
    ).toEqual([]);
  });

  it('property: size, uniqueness, permutations and feasible quotas', () => {
    const tagNames = ['a', 'b', 'c', 'd'];
    const arbitraryPool = fc
      .array(
        fc.record({
          tags: fc.subarray(tagNames),
          options: fc.integer({ min: 0, max: 6 }),
          ordering: fc.boolean(),
        }),
        { maxLength: 25 },
      )
      .map((specs) =>
        specs.map((spec, i) => question(`q${i}`, spec.tags, spec.options, spec.ordering)),
      );
    const arbitraryQuotas = fc.array(
      fc.record({ tag: fc.constantFrom(...tagNames), count: fc.integer({ min: 0, max: 8 }) }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        arbitraryPool,
        arbitraryQuotas,
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        fc.integer(),
        (questions, quotas, draw, shuffleOptions, seed) => {
          const drawn = drawQuestions(questions, { draw, quotas, shuffleOptions }, seeded(seed));
          const bySlug = new Map(questions.map((q) => [q.slug, q]));
          const slugs = drawn.map((entry) => entry.slug);

          expect(drawn).toHaveLength(Math.min(draw, questions.length));
          expect(new Set(slugs).size).toBe(slugs.length);
          for (const entry of drawn) {
            const source = bySlug.get(entry.slug);
            expect(source).toBeDefined();
            expect(sorted(entry.optionOrder)).toEqual(sorted(source?.optionIds ?? []));
            if (!shuffleOptions && !source?.ordering)
              expect(entry.optionOrder).toEqual(source?.optionIds);
          }

          const supply = (tag: string) => questions.filter((q) => q.tags.includes(tag)).length;
          const needed = quotas.map((quota) => Math.min(quota.count, supply(quota.tag)));
          if (needed.reduce((sum, n) => sum + n, 0) <= draw) {
            quotas.forEach((quota, i) => {
              const got = slugs.filter((slug) => bySlug.get(slug)?.tags.includes(quota.tag)).length;
              expect(got).toBeGreaterThanOrEqual(needed[i] ?? 0);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
