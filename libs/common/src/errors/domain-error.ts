/**
 * The error categories a client must handle, sent as `extensions.code`. Anything else a resolver
 * throws is an internal error and reaches the client only as INTERNAL_SERVER_ERROR.
 */
export const ErrorCategory = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const;
export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

/** One error code of a bounded context, e.g. `IDENTITY_EMAIL_TAKEN`, with its category. */
export interface ErrorCode {
  readonly code: string;
  readonly category: ErrorCategory;
}

/**
 * Declares a context's error codes in one place: `defineErrorCodes('IDENTITY', { EMAIL_TAKEN:
 * 'CONFLICT' })` gives `{ EMAIL_TAKEN: { code: 'IDENTITY_EMAIL_TAKEN', category: 'CONFLICT' } }`.
 */
export function defineErrorCodes<const Spec extends Record<string, ErrorCategory>>(
  context: string,
  spec: Spec,
): { readonly [Name in keyof Spec]: ErrorCode } {
  return Object.fromEntries(
    Object.entries(spec).map(([name, category]) => [
      name,
      Object.freeze({ code: `${context}_${name}`, category }),
    ]),
  ) as { readonly [Name in keyof Spec]: ErrorCode };
}

/**
 * An expected failure. Its `safeMessage` is written for the client and reaches it unchanged;
 * nothing else about the failure does.
 */
export class DomainError extends Error {
  constructor(
    readonly errorCode: ErrorCode,
    readonly safeMessage: string,
  ) {
    super(safeMessage);
    this.name = 'DomainError';
  }
}

/** Errors any context may raise about a request as a whole. */
export const CommonErrors = defineErrorCodes('COMMON', {
  INVALID_INPUT: 'BAD_USER_INPUT',
});
