import { domainCounts, type Blueprint } from '../blueprints/blueprint.js';
import type { PastAnswer } from '../history/answer-history.js';
import type { DomainEvidence } from './readiness-model.js';

/**
 * The evidence of each domain from the answers given up to `until`: the latest answer to each
 * distinct question (readiness-model.ts explains why).
 */
export function evidenceOf(
  blueprint: Blueprint,
  answers: readonly PastAnswer[],
  until: Date,
): DomainEvidence[] {
  const latest = new Map<string, PastAnswer>();
  for (const answer of answers) {
    if (answer.answeredAt <= until) latest.set(answer.questionSlug, answer);
  }
  const counts = domainCounts(blueprint);
  return blueprint.domains.map((domain) => {
    const inDomain = [...latest.values()].filter((answer) => answer.domain === domain.slug);
    return {
      domain: domain.slug,
      examQuestions: counts.get(domain.slug) ?? 0,
      answered: inDomain.length,
      correct: inDomain.filter((answer) => answer.correct).length,
    };
  });
}
