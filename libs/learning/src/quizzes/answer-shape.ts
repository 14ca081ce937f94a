import type { Question } from '@academy/catalog';

/**
 * Why `optionIds` is not a well-formed answer to a question of `type` shown with `shown`
 * options, or null when it is: only the question's own options, each once, as many as the type
 * takes. Quiz attempts and certification prep check answers with it before grading.
 */
export function answerShapeProblem(
  questionId: string,
  type: Question['type'],
  shown: readonly string[],
  optionIds: readonly string[],
): string | null {
  const options = new Set(shown);
  const chosen = new Set(optionIds);
  if (chosen.size !== optionIds.length || !optionIds.every((id) => options.has(id))) {
    return `The options given for "${questionId}" are not its options, once each.`;
  }
  if (!fitsType(type, chosen.size, options.size)) {
    return `"${questionId}" takes ${expectedCount(type)}.`;
  }
  return null;
}

function fitsType(type: Question['type'], chosen: number, options: number): boolean {
  if (type === 'ordering') return chosen === options;
  if (type === 'multiple-choice') return chosen >= 1;
  return chosen === 1;
}

function expectedCount(type: Question['type']): string {
  if (type === 'ordering') return 'every option, in order';
  if (type === 'multiple-choice') return 'one or more options';
  return 'exactly one option';
}
