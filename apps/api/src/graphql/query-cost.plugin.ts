import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

const CACHE_SIZE = 1000;

/**
 * The variables a cost can depend on: booleans (read by @include and @skip) and numbers (page
 * sizes such as `first`). Ids, strings, lists and input objects (a quiz's answers) never change
 * which fields run or how many, and leaving them out lets operations that differ only in them
 * share one computed cost.
 */
function costVariables(variables: Record<string, unknown> | undefined): string {
  return JSON.stringify(
    Object.entries(variables ?? {}).filter(
      ([, value]) => typeof value === 'boolean' || typeof value === 'number',
    ),
  );
}

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` once its variables are known and
 * before it executes. Each field costs 1 unless its definition declares a `complexity`. A cost
 * depends only on the document, operation and the variables above, so it is computed once per
 * combination (frontends repeat the same few operations).
 */
export function queryCostPlugin(schema: () => GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const costs = new Map<string, number>();
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, queryHash }) => {
        const key = `${queryHash}\n${request.operationName ?? ''}\n${costVariables(request.variables)}`;
        let cost = costs.get(key);
        if (cost === undefined) {
          cost = getComplexity({
            schema: schema(),
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (costs.size >= CACHE_SIZE) costs.clear();
          costs.set(key, cost);
        }
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
