import type { Question } from '@academy/catalog';
import { expectedAnswer } from '@academy/learning';
import type { DrawnQuestion } from '../blueprints/question-draw.js';
import type { MockExamEntity } from '../entities/mock-exam.entity.js';
import type { BankQuestion, PrepTrack } from '../blueprints/prep-catalog.js';
import type { DomainResult } from './exam-grading.js';

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

export interface MockExamResultView {
  score: number;
  passed: boolean;
  passingScore: number;
  gradedAt: Date;
  gradedBy: 'submission' | 'deadline';
  domains: (DomainResult & { title: string })[];
  review: ReviewedQuestionView[];
}

export interface MockExamView {
  id: string;
  trackSlug: string;
  trackTitle: string;
  status: MockExamEntity['status'];
  startedAt: Date;
  deadlineAt: Date;
  questions: (PrepQuestionView & { chosenOptionIds: string[] })[];
  result: MockExamResultView | null;
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

/**
 * What a learner sees of a mock exam: questions without keys while it is open; once graded,
 * the score, the pass or fail, the per-domain breakdown, and the keys and explanations (a mock
 * exam is practice: its review is the point). This is the one place exam data becomes a response.
 */
export function mockExamView(
  exam: MockExamEntity,
  track: PrepTrack,
  questions: ReadonlyMap<string, BankQuestion>,
): MockExamView {
  const shown = exam.questions.map((drawn) => ({
    drawn,
    question: questions.get(drawn.versionId) as BankQuestion,
  }));
  const titles = new Map(track.blueprint.domains.map((domain) => [domain.slug, domain.title]));
  const graded = exam.status === 'graded' && exam.gradedAt !== null;
  return {
    id: exam.id,
    trackSlug: exam.trackSlug,
    trackTitle: track.title,
    status: exam.status,
    startedAt: exam.startedAt,
    deadlineAt: exam.deadlineAt,
    questions: shown.map(({ drawn, question }) => ({
      ...questionView(drawn, question),
      chosenOptionIds: exam.answers[drawn.slug] ?? [],
    })),
    result: graded
      ? {
          score: exam.score ?? 0,
          passed: exam.passed ?? false,
          passingScore: track.blueprint.passingScore,
          gradedAt: exam.gradedAt as Date,
          gradedBy: exam.gradedBy ?? 'submission',
          domains: (exam.domainResults ?? []).map((result) => ({
            ...result,
            title: titles.get(result.domain) ?? result.domain,
          })),
          review: shown.map(({ drawn, question }) =>
            reviewedView(
              drawn,
              question,
              exam.answers[drawn.slug] ?? [],
              exam.correctness?.[drawn.slug] ?? false,
            ),
          ),
        }
      : null,
  };
}
