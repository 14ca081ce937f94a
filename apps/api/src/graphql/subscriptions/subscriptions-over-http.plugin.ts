import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/**
 * Refuses a subscription sent over HTTP with a clear error: over HTTP it would run its field's
 * resolver once, without the event stream or the authorization of the subscribe step.
 */
export function subscriptionsOverHttpRefusedPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation }) => {
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
        throw new GraphQLError(
          'Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.',
          { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
        );
      },
    }),
  };
}
