import type { MockExamEntity, MockExamGradedBy } from '../entities/mock-exam.entity.js';
import type { BankQuestion, PrepTrack } from '../blueprints/prep-catalog.js';
import {
  questionView,
  reviewedView,
  type PrepQuestionView,
  type ReviewedQuestionView,
} from '../blueprints/question-views.js';
import type { DomainResult } from './exam-grading.js';

export interface MockExamResultView {
  score: number;
  passed: boolean;
  passingScore: number;
  gradedAt: Date;
  gradedBy: MockExamGradedBy;
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
