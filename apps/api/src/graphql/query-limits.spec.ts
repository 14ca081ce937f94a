import { buildSchema, parse, validate, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aliasLimitRule, depthLimitRule } from './query-limits.js';

const schema = buildSchema(`
  type Node { id: ID!, child: Node }
  type Query { node: Node }
`);

const errorsOf = (query: string, rule: ValidationRule) =>
  validate(schema, parse(query), [rule]).map((error) => error.message);

const nested = (depth: number) =>
  `{ ${'node { child { '.slice(0, 7)}${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)} }`;

describe('depthLimitRule', () => {
  it('accepts a query at the limit and refuses one beyond it', () => {
    expect(errorsOf(nested(3), depthLimitRule(3))).toEqual([]);
    expect(errorsOf(nested(4), depthLimitRule(3))).toEqual([
      'Query depth 4 exceeds the limit of 3.',
    ]);
  });

  it('counts depth through named and inline fragments', () => {
    const query = `
      query { node { ...deep } }
      fragment deep on Node { child { ... on Node { child { id } } } }
    `;
    expect(errorsOf(query, depthLimitRule(3))).toEqual(['Query depth 4 exceeds the limit of 3.']);
  });

  it('does not count __typename as depth', () => {
    expect(errorsOf('{ node { __typename id } }', depthLimitRule(2))).toEqual([]);
  });
});

describe('aliasLimitRule', () => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: node { id }`).join(' ')} }`;

  it('accepts up to the limit and refuses more', () => {
    expect(errorsOf(aliased(15), aliasLimitRule(15))).toEqual([]);
    expect(errorsOf(aliased(16), aliasLimitRule(15))).toEqual([
      'The document uses 16 aliases; at most 15 are allowed.',
    ]);
  });
});
