import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { aliasLimitRule, depthLimitRule } from '../query-limits.js';

export interface SocketOperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** In production, validation messages do not suggest field names (as over HTTP). */
  hideSuggestions: boolean;
}

export interface SocketOperation {
  document: DocumentNode;
  operationName: string | null | undefined;
  variableValues: Record<string, unknown> | null | undefined;
}

/** An error about the request itself, with the code the error formatter passes on. */
function requestError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Parses and validates an operation sent over the socket, with the same depth and alias limits
 * as over HTTP, and admits subscriptions only: queries and mutations go over HTTP, where the
 * cost limit, CSRF prevention and per-request observability apply. Returns the errors to send
 * back when it is refused.
 */
export function prepareSocketOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  limits: SocketOperationLimits,
): SocketOperation | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The document does not parse.';
    return [requestError(message, 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(
    schema,
    document,
    [...specifiedRules, depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    { hideSuggestions: limits.hideSuggestions },
  );
  if (invalid.length > 0) {
    return invalid.map((error) => requestError(error.message, 'GRAPHQL_VALIDATION_FAILED'));
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    return [requestError('Name the operation to run.', 'OPERATION_RESOLUTION_FAILURE')];
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [
      requestError(
        'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
        'BAD_REQUEST',
      ),
    ];
  }
  return {
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
  };
}
