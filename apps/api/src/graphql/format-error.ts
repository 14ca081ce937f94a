import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@academy/common';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Codes that Apollo and graphql-js give to problems with the request itself (unparsable, invalid
 * against the schema, bad variables). Their messages describe the request, not the server, and
 * are safe to return.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * The one place errors are shaped for clients: a DomainError keeps its safe message and its
 * category as `extensions.code` (with the precise code as `extensions.reason`); a request error
 * keeps Apollo's message and code; anything else becomes a bare INTERNAL_SERVER_ERROR. No stack
 * trace, SQL or internal message is ever returned.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.safeMessage,
      extensions: { code: original.errorCode.category, reason: original.errorCode.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return {
    ...base,
    message: INTERNAL_ERROR_MESSAGE,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
