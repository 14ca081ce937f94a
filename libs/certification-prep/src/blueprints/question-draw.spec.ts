import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawn, type Candidate } from './question-draw.js';

const question = (type: Candidate['type'], optionIds: string[]): Candidate => ({
  slug: 'q',
  domain: 'd',
  versionId: 'v',
  type,
  optionIds,
});

describe('a drawn question', () => {
  it('shows every option exactly once, whatever the shuffle', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Candidate['type']>('single-choice', 'multiple-choice', 'ordering'),
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 2, maxLength: 8 }),
        (type, optionIds) => {
          expect([...drawn(question(type, optionIds)).optionOrder].sort()).toEqual(
            [...optionIds].sort(),
          );
        },
      ),
    );
  });

  it('keeps true/false in its natural order', () => {
    expect(drawn(question('true-false', ['true', 'false'])).optionOrder).toEqual(['true', 'false']);
  });
});
