import type { DomainReadiness } from '../readiness/readiness-model.js';

/**
 * Weekly practice targets per domain until the exam. Each domain's practice volume is twice its
 * exam questions (enough to meet most of a bank's domain before the exam) scaled by how much the
 * learner still misses there relative to knowing nothing: (1 − estimate) / 0.5, so 0 at a
 * perfect estimate, 1 at 50 % (nothing known yet), 2 at 0 %. The volume is spread evenly over
 * the weeks left. Estimates come from readiness, so targets shrink as a domain improves and grow
 * when it slips: the plan adjusts each time it is read.
 */
export const VOLUME_PER_EXAM_QUESTION = 2;
const WEEK_MS = 7 * 86_400_000;

export interface DomainTarget {
  domain: string;
  estimate: number;
  /** Questions to practise in the domain over the whole time left. */
  totalQuestions: number;
  questionsPerWeek: number;
}

export interface StudyPlan {
  weeksLeft: number;
  targets: DomainTarget[];
}

/** Whole weeks from `now` to the start of the exam day, counting a part week as one. */
export function weeksUntil(examOn: Date, now: Date): number {
  return Math.max(1, Math.ceil((examOn.getTime() - now.getTime()) / WEEK_MS));
}

export function studyPlan(
  domains: readonly (Pick<DomainReadiness, 'domain' | 'estimate'> & { examQuestions: number })[],
  weeksLeft: number,
): StudyPlan {
  return {
    weeksLeft,
    targets: domains.map((domain) => {
      const weakness = (1 - domain.estimate) / 0.5;
      // Less a hair of floating-point error, so that 4.000000001 questions stay 4.
      const totalQuestions = Math.max(
        0,
        Math.ceil(domain.examQuestions * VOLUME_PER_EXAM_QUESTION * weakness - 1e-9),
      );
      return {
        domain: domain.domain,
        estimate: domain.estimate,
        totalQuestions,
        questionsPerWeek: Math.ceil(totalQuestions / weeksLeft),
      };
    }),
  };
}
