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
 * Types that carry answer keys on purpose, reachable only through a graded attempt's result and
 * only when the quiz's review policy allows: test/learning-quizzes.e2e-spec.ts (canary) proves
 * they stay empty before that.
 */
const POLICY_GATED = new Set(['QuizReviewQuestion', 'QuizReviewOption']);
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
      if (seen.has(type.name) || POLICY_GATED.has(type.name)) return;
      seen.add(type.name);
      if (isUnionType(type)) type.getTypes().forEach(visit);
      if (!isObjectType(type) && !isInterfaceType(type)) return;
      for (const field of Object.values(type.getFields())) {
        if (ANSWER_FIELD.test(field.name)) offending.push(`${type.name}.${field.name}`);
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
