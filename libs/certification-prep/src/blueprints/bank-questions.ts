import type { QuestionRef } from '@academy/catalog';
import type { Candidate } from './question-draw.js';

/** A bank question's domain: its catalog parent is `<bank>/<domain>`. */
export const domainOf = (ref: QuestionRef): string => ref.parentSlug.split('/')[1] ?? '';

/** A catalog question as a draw sees it. */
export const candidateOf = (ref: QuestionRef, seen: boolean): Candidate => ({
  slug: ref.slug,
  domain: domainOf(ref),
  versionId: ref.versionId,
  type: ref.type,
  optionIds: ref.optionIds,
  seen,
});
