import { gradeAnswers, type AnswerKey } from '@academy/learning';
import type { DrawnQuestion } from '../blueprints/question-draw.js';

export interface DomainResult {
  domain: string;
  questions: number;
  correct: number;
  /** Percent correct in the domain, rounded down. */
  score: number;
}

export interface ExamGrade {
  /** Percent correct overall, rounded down: 69.9 % never passes a 70 % blueprint. */
  score: number;
  passed: boolean;
  correctness: Record<string, boolean>;
  domains: DomainResult[];
}

/**
 * Grades a mock exam with the quiz rules (exactly the right set or order, unanswered is
 * wrong) and breaks the result down by the blueprint's domains, in the blueprint's order.
 */
export function gradeExam(
  questions: readonly DrawnQuestion[],
  keys: ReadonlyMap<string, AnswerKey>,
  answers: Readonly<Record<string, readonly string[]>>,
  passingScore: number,
  domainOrder: readonly string[],
): ExamGrade {
  const grade = gradeAnswers(
    questions.map((question) => keys.get(question.slug) as AnswerKey),
    answers,
    passingScore,
  );
  const domains = domainOrder.map((domain) => {
    const inDomain = questions.filter((question) => question.domain === domain);
    const correct = inDomain.filter((question) => grade.correctness[question.slug]).length;
    return {
      domain,
      questions: inDomain.length,
      correct,
      score: inDomain.length === 0 ? 0 : Math.floor((correct * 100) / inDomain.length),
    };
  });
  return { ...grade, domains };
}
