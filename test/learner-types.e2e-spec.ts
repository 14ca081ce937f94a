import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { authorizationMatrix } from './authorization-matrix.js';

const ANSWER_FIELD = /correct|explanation|answer|rationale|key/i;
/**
 * Types whose names match on purpose, each with where a test proves it is reached only when it
 * may be (the canary specs plant a string in every key and explanation and look for it).
 */
const GATED: Record<string, string> = {
  QuizReviewQuestion: 'a graded attempt, as its review policy allows (learning-quizzes canary)',
  QuizReviewOption: 'a graded attempt, as its review policy allows (learning-quizzes canary)',
  ReviewedQuestion:
    'a graded mock exam or an answered practice question (certification-prep canary)',
  ReviewedOption: 'a graded mock exam or an answered practice question (certification-prep canary)',
  PracticeFeedback: 'the answer just given to a practice question (certification-prep canary)',
  DrillReportOption: 'the report of a scored drill run (drills canary)',
  DrillReportResponse: 'the report of a scored drill run (drills canary)',
};
/** Fields whose names match but that hold no key: counts, and who answered. */
const NOT_KEYS: Record<string, string> = {
  'DomainResult.correct': 'how many of a domain the learner got right in a graded mock exam',
  'DomainReadiness.answered': "how many of the domain's questions the learner has answered",
  'DomainReadiness.correct': 'how many of those the learner got right',
  'DrillDecision.answeredBy': 'who answered a decision (no options, scores or rationales)',
};
const REFUSED = new Set(['IDENTITY_FORBIDDEN', 'IDENTITY_NOT_AUTHENTICATED']);

/**
 * No type a learner can reach carries an answer key or an explanation: those come only through
 * the attempt rules of the learning context. The operations a learner may call come from the
 * authorization matrix, so a new operation is covered as soon as it has its row.
 */
describe('types reachable by a learner', () => {
  it('have no answer or explanation fields', () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8'));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const learnerOperations = authorizationMatrix
      .filter((row) => !REFUSED.has(row.expect.learner))
      .map((row) => row.operation);
    expect(learnerOperations).toContain('course');

    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name) || type.name in GATED) return;
      seen.add(type.name);
      if (isUnionType(type)) type.getTypes().forEach(visit);
      if (!isObjectType(type) && !isInterfaceType(type)) return;
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        if (ANSWER_FIELD.test(field.name) && !(name in NOT_KEYS)) offending.push(name);
        visit(getNamedType(field.type));
      }
    };
    for (const operation of learnerOperations) {
      const field = roots.map((root) => root?.getFields()[operation]).find(Boolean);
      if (field) visit(getNamedType(field.type));
    }
    expect(seen.has('Lesson')).toBe(true);
    expect(offending).toEqual([]);
  });

  it('quiz inputs carry choices only: no score, pass flag, person or time', () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8'));
    const mutations = schema.getMutationType()?.getFields() ?? {};
    const forbidden = /score|pass|user|time|date|deadline|graded|At$/i;
    const offending: string[] = [];
    const visit = (type: GraphQLNamedType, seen = new Set<string>()) => {
      if (!isInputObjectType(type) || seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        if (forbidden.test(field.name)) offending.push(`${type.name}.${field.name}`);
        visit(getNamedType(field.type), seen);
      }
    };
    for (const operation of ['startQuizAttempt', 'saveQuizAnswer', 'submitQuizAttempt']) {
      const field = mutations[operation];
      expect(field, operation).toBeDefined();
      for (const argument of field?.args ?? []) {
        if (forbidden.test(argument.name)) offending.push(`${operation}(${argument.name})`);
        visit(getNamedType(argument.type));
      }
    }
    expect(offending).toEqual([]);
  });
});
