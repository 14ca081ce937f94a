export interface AnswerKey {
  slug: string;
  type: 'single-choice' | 'multiple-choice' | 'true-false' | 'ordering';
  /** Option ids as authored: for ordering questions this order is the answer. */
  options: readonly { id: string; correct?: boolean }[];
}

export interface Grade {
  /** Percent correct, rounded down: 79.9 % never passes an 80 % quiz. */
  score: number;
  passed: boolean;
  correctness: Record<string, boolean>;
}

/** The option ids that make a question right: the set of correct ones, or the whole order. */
export function expectedAnswer(question: AnswerKey): string[] {
  return question.type === 'ordering'
    ? question.options.map((option) => option.id)
    : question.options.filter((option) => option.correct).map((option) => option.id);
}

/** Whether `given` answers the question: exactly its right set, or its whole order. */
export function isCorrect(question: AnswerKey, given: readonly string[] | undefined): boolean {
  if (!given) return false;
  const expected = expectedAnswer(question);
  if (question.type === 'ordering') {
    return given.length === expected.length && given.every((id, i) => id === expected[i]);
  }
  // Choice questions are right only with exactly the correct set: no partial credit, so that
  // ticking every box never scores.
  const chosen = new Set(given);
  return chosen.size === expected.length && expected.every((id) => chosen.has(id));
}

/** Grades answers against the keys of the drawn questions; unanswered questions are wrong. */
export function gradeAnswers(
  keys: readonly AnswerKey[],
  answers: Readonly<Record<string, readonly string[]>>,
  passingScore: number,
): Grade {
  const correctness: Record<string, boolean> = {};
  for (const key of keys) correctness[key.slug] = isCorrect(key, answers[key.slug]);
  const right = Object.values(correctness).filter(Boolean).length;
  const score = keys.length === 0 ? 0 : Math.floor((right * 100) / keys.length);
  return { score, passed: score >= passingScore, correctness };
}
