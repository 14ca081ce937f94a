/**
 * Largest-remainder (Hamilton) apportionment: integer counts per weight that sum exactly to
 * `total`, each within one of its exact share `total * weight / sum`. Leftover seats go to the
 * largest remainders; equal remainders go to the earlier weight, so a blueprint always splits
 * the same way (the validator and mock exams must agree on it).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let left = total - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left -= 1, i += 1) {
    const target = order[i % order.length];
    if (target) counts[target.index] = (counts[target.index] ?? 0) + 1;
  }
  return counts;
}
