import { DomainError, defineErrorCodes } from '../errors/domain-error.js';
import type { Connection } from './connection.js';

export const PaginationErrors = defineErrorCodes('PAGINATION', {
  INVALID_CURSOR: 'BAD_USER_INPUT',
});

/** A keyset position: the sort value of an item and its id (ties broken by id). */
export interface KeysetPosition {
  sort: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { sort: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the domain error below
  }
  throw new DomainError(PaginationErrors.INVALID_CURSOR, 'The cursor is not valid for this list.');
}

/**
 * Builds a connection from rows fetched with `LIMIT first + 1` after the cursor: the extra row
 * only tells whether another page follows.
 */
export function toConnection<T>(
  rows: T[],
  first: number,
  after: string | null | undefined,
  totalCount: number,
  positionOf: (row: T) => KeysetPosition,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
