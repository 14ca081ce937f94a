import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@academy/common';
import { Kind } from 'graphql';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service.js';
import type { GraphqlContext } from './graphql-context.js';

const MAX_FIELDS_IN_LABEL = 3;

/**
 * Times each operation and counts its errors for /metrics, and logs errors that are not the
 * client's fault with the request id, since the client only sees INTERNAL_SERVER_ERROR. The
 * metric label is the operation's root fields (bounded by the schema), never the client-chosen
 * operation name.
 */
export function observabilityPlugin(
  metrics: MetricsService,
  logger: Logger,
): ApolloServerPlugin<GraphqlContext> {
  return {
    requestDidStart: async ({ contextValue }) => {
      const started = process.hrtime.bigint();
      return {
        didEncounterErrors: async ({ errors }) => {
          for (const error of errors) {
            const code = error.extensions.code;
            const original = unwrapResolverError(error);
            if (original instanceof DomainError) continue;
            if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error(
              { requestId: contextValue.req.id, err: original, path: error.path },
              'GraphQL operation failed',
            );
          }
        },
        willSendResponse: async ({ operation, errors, response }) => {
          const rootFields =
            operation?.selectionSet.selections
              .flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
              .sort()
              .slice(0, MAX_FIELDS_IN_LABEL)
              .join(',') ?? '';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlOperationDuration.observe(
            {
              operation_type: operation?.operation ?? 'invalid',
              operation: rootFields || 'unknown',
              outcome: errors?.length ? 'error' : 'ok',
            },
            seconds,
          );
          const body = response.body;
          const sent = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          for (const error of sent) {
            const code = error.extensions?.code;
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
        },
      };
    },
  };
}
