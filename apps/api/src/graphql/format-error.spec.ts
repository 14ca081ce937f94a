import { DomainError, defineErrorCodes } from '@academy/common';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatGraphqlError, INTERNAL_ERROR_MESSAGE } from './format-error.js';

const SampleErrors = defineErrorCodes('SAMPLE', { TAKEN: 'CONFLICT' });

function asResolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['field'] });
}

describe('formatGraphqlError', () => {
  it('maps a DomainError to its category and reason with its safe message', () => {
    const error = asResolverError(new DomainError(SampleErrors.TAKEN, 'That slug is taken.'));
    expect(formatGraphqlError({ message: error.message, path: ['field'] }, error)).toEqual({
      message: 'That slug is taken.',
      path: ['field'],
      locations: undefined,
      extensions: { code: 'CONFLICT', reason: 'SAMPLE_TAKEN' },
    });
  });

  it('hides the message, stack and SQL of an unexpected error', () => {
    const sqlError = new Error('duplicate key value violates unique constraint "uq_users_email"');
    const error = asResolverError(sqlError);
    const formatted = formatGraphqlError(
      {
        message: sqlError.message,
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      error,
    );
    expect(formatted).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      locations: undefined,
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the message and code of a request error but drops anything else', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".');
    expect(
      formatGraphqlError(
        {
          message: error.message,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: [] },
        },
        error,
      ).extensions,
    ).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
