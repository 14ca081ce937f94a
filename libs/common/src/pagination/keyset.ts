import { DomainError, defineErrorCodes } from '../errors/domain-error.js';
import type { Connection } from './connection.js';
import { isUuid } from '../uuid.js';

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

/** What a list sorts by, so that a cursor's sort value can be checked before it reaches SQL. */
export type SortKind = 'text' | 'time' | 'date' | 'integer';

const SORT_SHAPES: Record<SortKind, (value: string) => boolean> = {
  text: () => true,
  time: (value) => !Number.isNaN(Date.parse(value)),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  integer: (value) => /^-?\d{1,18}$/.test(value),
};

/**
 * The position a cursor names. A cursor is the client's to send back, so a forged one must be
 * refused as bad input here rather than fail as a cast in SQL: its id must be a UUID and its
 * sort value of the list's kind.
 */
export function decodeCursor(cursor: string, sortKind: SortKind = 'text'): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      SORT_SHAPES[sortKind](parsed[0]) &&
      isUuid(parsed[1])
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
