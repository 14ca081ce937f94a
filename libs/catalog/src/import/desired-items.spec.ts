import { describe, expect, it } from 'vitest';
import { orderingOptionIds } from './desired-items.js';

describe('orderingOptionIds', () => {
  it('gives ordering options stable, distinct ids that never sort into the answer', () => {
    for (let question = 0; question < 500; question++) {
      const authored = ['a', 'b', 'c', 'd'].slice(0, 3 + (question % 2));
      const ids = orderingOptionIds(`q${question}`, authored);
      expect(new Set(ids).size).toBe(authored.length);
      expect([...ids].sort()).not.toEqual(ids);
      expect(orderingOptionIds(`q${question}`, authored)).toEqual(ids);
      for (const id of ids) expect(id).toMatch(/^o[0-9a-f]{8}$/);
    }
  });
});
