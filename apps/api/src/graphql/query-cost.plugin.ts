import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` once its variables are known and
 * before it executes. Each field costs 1 unless its definition declares a `complexity`.
 */
export function queryCostPlugin(schema: () => GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document }) => {
        const cost = getComplexity({
          schema: schema(),
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
          estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        });
        if (cost > maxCost) {
          throw new GraphQLError(
            `The operation costs ${cost}; at most ${maxCost} is allowed. Ask for fewer items or fields.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          );
        }
      },
    }),
  };
}
