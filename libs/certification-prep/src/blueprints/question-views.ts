import type { Question } from '@academy/catalog';
import { expectedAnswer } from '@academy/learning';
import type { BankQuestion } from './prep-catalog.js';
import type { DrawnQuestion } from './question-draw.js';

/**
 * How a drawn bank question becomes a response, for mock exams and practice alike: before
 * grading, stem and option texts only; after it, the key and every explanation.
 */
export interface PrepQuestionView {
  id: string;
  domain: string;
  type: Question['type'];
  stem: string;
  options: { id: string; text: string }[];
}

export interface ReviewedQuestionView {
  questionId: string;
  domain: string;
  chosenOptionIds: string[];
  correct: boolean;
  correctOptionIds: string[];
  explanation: string;
  options: { id: string; text: string; correct: boolean; explanation: string }[];
}

/** A question as shown: stem and option texts in the drawn order, nothing of the key. */
export function questionView(drawn: DrawnQuestion, question: BankQuestion): PrepQuestionView {
  const texts = new Map(question.content.options.map((option) => [option.id, option.text]));
  return {
    id: drawn.slug,
    domain: drawn.domain,
    type: question.content.type,
    stem: question.content.stem,
    options: drawn.optionOrder.map((id) => ({ id, text: texts.get(id) ?? '' })),
  };
}

/** A question after its answer was graded: the key and every explanation. */
export function reviewedView(
  drawn: DrawnQuestion,
  question: BankQuestion,
  chosen: readonly string[],
  correct: boolean,
): ReviewedQuestionView {
  const expected = expectedAnswer({ ...question.content, slug: drawn.slug });
  const byId = new Map(question.content.options.map((option) => [option.id, option]));
  return {
    questionId: drawn.slug,
    domain: drawn.domain,
    chosenOptionIds: [...chosen],
    correct,
    correctOptionIds: expected,
    explanation: question.content.explanation,
    options: drawn.optionOrder.map((id) => ({
      id,
      text: byId.get(id)?.text ?? '',
      correct: expected.includes(id),
      explanation: byId.get(id)?.explanation ?? '',
    })),
  };
}
