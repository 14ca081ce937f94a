import type { CatalogRecord, Question } from '@academy/catalog';
import type { QuizRules } from '../content/learning-catalog.js';
import type { GradedBy, QuizAttemptEntity } from '../entities/quiz-attempt.entity.js';
import { expectedAnswer } from './quiz-grading.js';
import { mayReview } from './review-policy.js';

export interface AttemptQuestionView {
  id: string;
  type: Question['type'];
  stem: string;
  options: { id: string; text: string }[];
  chosenOptionIds: string[];
}

export interface ReviewQuestionView {
  questionId: string;
  stem: string;
  chosenOptionIds: string[];
  correct: boolean;
  correctOptionIds: string[];
  explanation: string;
  options: { id: string; text: string; correct: boolean; explanation: string }[];
}

export interface QuizResultView {
  score: number;
  passed: boolean;
  passingScore: number;
  gradedAt: Date;
  gradedBy: GradedBy;
  attemptsUsed: number;
  attemptsAllowed: number | null;
  /** Null until the quiz's review policy allows it. */
  review: ReviewQuestionView[] | null;
}

export interface QuizAttemptView {
  id: string;
  quizSlug: string;
  quizTitle: string;
  enrollmentId: string;
  number: number;
  status: QuizAttemptEntity['status'];
  startedAt: Date;
  deadlineAt: Date | null;
  questions: AttemptQuestionView[];
  result: QuizResultView | null;
}

/**
 * What a learner may see of an attempt: the drawn questions in their drawn order with option
 * texts only; after grading, the score, and the answer keys and explanations only when the
 * quiz's review policy allows. This is the one place attempt data becomes a response.
 */
export function attemptView(
  attempt: QuizAttemptEntity,
  versions: ReadonlyMap<string, CatalogRecord>,
  attemptsUsed: number,
): QuizAttemptView {
  const rules = versions.get(attempt.quizVersionId)?.content as unknown as QuizRules;
  const questions = attempt.questions.map((drawn) => {
    const question = versions.get(drawn.versionId)?.content as unknown as Question;
    const byId = new Map(question.options.map((option) => [option.id, option]));
    return { drawn, question, byId };
  });
  const graded = attempt.status === 'graded' && attempt.gradedAt && attempt.passed !== null;
  const reviewable =
    graded &&
    mayReview(
      rules.review,
      { passed: attempt.passed ?? false, number: attempt.number },
      rules.attemptsAllowed,
    );
  return {
    id: attempt.id,
    quizSlug: attempt.quizSlug,
    quizTitle: rules.title,
    enrollmentId: attempt.enrollmentId,
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    questions: questions.map(({ drawn, question, byId }) => ({
      id: drawn.slug,
      type: question.type,
      stem: question.stem,
      options: drawn.optionOrder.map((id) => ({ id, text: byId.get(id)?.text ?? '' })),
      chosenOptionIds: attempt.answers[drawn.slug] ?? [],
    })),
    result: graded
      ? {
          score: attempt.score ?? 0,
          passed: attempt.passed ?? false,
          passingScore: rules.passingScore,
          gradedAt: attempt.gradedAt as Date,
          gradedBy: attempt.gradedBy ?? 'submission',
          attemptsUsed,
          attemptsAllowed: rules.attemptsAllowed ?? null,
          review: reviewable
            ? questions.map(({ drawn, question, byId }) => {
                const expected = expectedAnswer({ ...question, slug: drawn.slug });
                return {
                  questionId: drawn.slug,
                  stem: question.stem,
                  chosenOptionIds: attempt.answers[drawn.slug] ?? [],
                  correct: attempt.correctness?.[drawn.slug] ?? false,
                  correctOptionIds: expected,
                  explanation: question.explanation,
                  options: drawn.optionOrder.map((id) => ({
                    id,
                    text: byId.get(id)?.text ?? '',
                    correct: expected.includes(id),
                    explanation: byId.get(id)?.explanation ?? '',
                  })),
                };
              })
            : null,
        }
      : null,
  };
}
