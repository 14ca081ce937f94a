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

/** A question as drawn for one attempt or exam: what its answers are checked against. */
export interface AnswerableQuestion {
  slug: string;
  type: Question['type'];
  optionOrder: readonly string[];
}

/**
 * Answers checked against the questions drawn for one attempt or exam (`holder` names it in the
 * refusal, e.g. "this exam"): the answers by question, or the first problem in words. Unknown
 * questions or options are refused.
 */
export function checkAnswers(
  drawn: readonly AnswerableQuestion[],
  given: readonly { questionId: string; optionIds: readonly string[] }[],
  holder: string,
): { answers: Record<string, string[]> } | { problem: string } {
  const bySlug = new Map(drawn.map((question) => [question.slug, question]));
  const answers: Record<string, string[]> = {};
  for (const answer of given) {
    const question = bySlug.get(answer.questionId);
    if (!question) return { problem: `Question "${answer.questionId}" is not in ${holder}.` };
    const problem = answerShapeProblem(
      answer.questionId,
      question.type,
      question.optionOrder,
      answer.optionIds,
    );
    if (problem) return { problem };
    answers[answer.questionId] = [...answer.optionIds];
  }
  return { answers };
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
