import type { QuestionRef } from '@academy/catalog';
import type { BankQuestion } from './prep-catalog.js';
import type { Candidate } from './question-draw.js';

/** A bank question's domain: its catalog parent is `<bank>/<domain>`. */
export const domainOf = (parentSlug: string | null): string => parentSlug?.split('/')[1] ?? '';

/** A question reference (for practice selection) as a draw sees it. */
export const candidateOfRef = (ref: QuestionRef): Candidate => ({
  slug: ref.slug,
  domain: domainOf(ref.parentSlug),
  versionId: ref.versionId,
  type: ref.type,
  optionIds: ref.optionIds,
});

/** A full bank question (sampled for a mock exam) as a draw sees it. */
export const candidateOfQuestion = (question: BankQuestion): Candidate => ({
  slug: question.slug,
  domain: domainOf(question.parentSlug),
  versionId: question.versionId,
  type: question.content.type,
  optionIds: question.content.options.map((option) => option.id),
});
