import { GraphQLError, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { prepareSocketOperation, type SocketOperationLimits } from './socket-operation.js';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node }
  type Mutation { touch: Boolean }
  type Subscription { nodeAdded: Node }
`);
const limits: SocketOperationLimits = { maxDepth: 3, maxAliases: 2, hideSuggestions: true };

const errorsOf = (query: string, operationName?: string) => {
  const prepared = prepareSocketOperation(schema, { query, operationName }, limits);
  if (!Array.isArray(prepared)) throw new Error('expected the operation to be refused');
  expect(prepared.every((error) => error instanceof GraphQLError)).toBe(true);
  return prepared.map((error) => ({ message: error.message, code: error.extensions.code }));
};

describe('prepareSocketOperation', () => {
  it('admits a subscription within the limits', () => {
    const prepared = prepareSocketOperation(
      schema,
      { query: 'subscription Added { nodeAdded { id child { id } } }', variables: {} },
      limits,
    );
    expect(Array.isArray(prepared)).toBe(false);
    expect(prepared).toMatchObject({ variableValues: {}, operationName: undefined });
  });

  it('refuses queries and mutations: they go over HTTP', () => {
    for (const query of ['{ node { id } }', 'mutation { touch }']) {
      expect(errorsOf(query)).toEqual([
        {
          message:
            'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
          code: 'BAD_REQUEST',
        },
      ]);
    }
  });

  it('applies the depth and alias limits of HTTP', () => {
    expect(errorsOf('subscription { nodeAdded { child { child { child { id } } } } }')).toEqual([
      { message: 'Query depth 5 exceeds the limit of 3.', code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
    expect(errorsOf('subscription { nodeAdded { a: id b: id c: id } }')).toEqual([
      {
        message: 'The document uses 3 aliases; at most 2 are allowed.',
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
    ]);
  });

  it('reports parse and validation errors with their codes and no field suggestions', () => {
    expect(errorsOf('subscription {')).toEqual([
      { message: 'Syntax Error: Expected Name, found <EOF>.', code: 'GRAPHQL_PARSE_FAILED' },
    ]);
    expect(errorsOf('subscription { nodeAdde { id } }')).toEqual([
      {
        message: 'Cannot query field "nodeAdde" on type "Subscription".',
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
    ]);
  });

  it('needs the operation named when the document has several', () => {
    const document = 'subscription A { nodeAdded { id } } subscription B { nodeAdded { id } }';
    expect(errorsOf(document)).toEqual([
      { message: 'Name the operation to run.', code: 'OPERATION_RESOLUTION_FAILURE' },
    ]);
    expect(
      Array.isArray(
        prepareSocketOperation(schema, { query: document, operationName: 'B' }, limits),
      ),
    ).toBe(false);
  });
});
