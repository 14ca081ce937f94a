import { randomInt } from 'node:crypto';

export interface PoolQuestion {
  slug: string;
  tags: readonly string[];
  optionIds: readonly string[];
  /** Ordering questions always shuffle: their listed order is the answer. */
  ordering: boolean;
}

export interface DrawRules {
  draw: number;
  quotas: readonly { tag: string; count: number }[];
  shuffleOptions: boolean;
}

export interface DrawnOrder {
  slug: string;
  optionOrder: string[];
}

/** A random integer in [0, bound): crypto-strong by default, injectable for tests. */
export type RandomInt = (bound: number) => number;

export function shuffled<T>(items: readonly T[], random: RandomInt = randomInt): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * Draws a quiz attempt's questions: first each tag quota from the questions carrying that tag,
 * then the rest of `draw` from whatever is left, never the same question twice; then shuffles
 * the question order and, where the quiz says so (always for ordering questions), the options.
 * A quota larger than its tag's supply takes what there is (the validator already refuses such
 * quizzes; content an organization edits later cannot break an attempt).
 */
export function drawQuestions(
  pool: readonly PoolQuestion[],
  rules: DrawRules,
  random: RandomInt = randomInt,
): DrawnOrder[] {
  const chosen = new Set<PoolQuestion>();
  const take = (candidates: readonly PoolQuestion[], count: number) => {
    const available = candidates.filter((question) => !chosen.has(question));
    for (const question of shuffled(available, random).slice(0, count)) chosen.add(question);
  };
  for (const quota of rules.quotas) {
    const room = Math.max(0, rules.draw - chosen.size);
    take(
      pool.filter((question) => question.tags.includes(quota.tag)),
      Math.min(quota.count, room),
    );
  }
  take(pool, rules.draw - chosen.size);
  return shuffled([...chosen], random).map((question) => ({
    slug: question.slug,
    optionOrder:
      rules.shuffleOptions || question.ordering
        ? shuffled(question.optionIds, random)
        : [...question.optionIds],
  }));
}
