import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { formatGraphqlError } from '../format-error.js';

/**
 * Shapes errors sent over the socket exactly as over HTTP (formatGraphqlError), and logs those
 * that are not the client's fault, since the client only sees INTERNAL_SERVER_ERROR.
 */
export function formatSocketErrors(
  errors: readonly GraphQLError[],
  logger: Logger,
  requestId: string | null,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const formatted = formatGraphqlError(error.toJSON(), error);
    if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      logger.error(
        { requestId, err: unwrapResolverError(error), path: error.path },
        'GraphQL subscription failed',
      );
    }
    return formatted;
  });
}
